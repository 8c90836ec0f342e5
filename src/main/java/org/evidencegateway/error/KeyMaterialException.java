package org.evidencegateway.error;

/** A private key, certificate or trust anchor of ours is missing or unreadable. */
public class KeyMaterialException extends CodedException {
    public KeyMaterialException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public KeyMaterialException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
