package org.evidencegateway.error;

/** A signer certificate does not chain to a trust anchor, is not valid at signing time, or is revoked. */
public class TrustException extends CodedException {
    public TrustException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public TrustException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
