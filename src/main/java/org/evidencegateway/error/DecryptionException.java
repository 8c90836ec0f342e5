package org.evidencegateway.error;

/** The package could not be decrypted with any of our keys, or its ciphertext was altered. */
public class DecryptionException extends CodedException {
    public DecryptionException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public DecryptionException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
