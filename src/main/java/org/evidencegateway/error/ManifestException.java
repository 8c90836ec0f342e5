package org.evidencegateway.error;

/** The manifest is missing, malformed or violates its schema. */
public class ManifestException extends CodedException {
    public ManifestException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public ManifestException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
