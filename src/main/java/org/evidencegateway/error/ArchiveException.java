package org.evidencegateway.error;

/** The inner ZIP archive is malformed or unsafe. */
public class ArchiveException extends CodedException {
    public ArchiveException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public ArchiveException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
