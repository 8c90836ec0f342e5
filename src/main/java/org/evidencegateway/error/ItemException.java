package org.evidencegateway.error;

/** An evidence item does not match what the manifest declares. */
public class ItemException extends CodedException {
    public ItemException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public ItemException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
