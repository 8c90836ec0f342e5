package org.evidencegateway.error;

/** A CMS signature is missing, malformed or does not verify. */
public class SignatureVerificationException extends CodedException {
    public SignatureVerificationException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public SignatureVerificationException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
