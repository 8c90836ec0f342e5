package org.evidencegateway.error;

/** The package is not a well-formed CMS structure of the expected type. */
public class PackageFormatException extends CodedException {
    public PackageFormatException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public PackageFormatException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
