package org.evidencegateway.error;

/** A party acts for another party it may not act for. */
public class AuthorizationException extends CodedException {
    public AuthorizationException(ErrorCode code, Object... args) {
        super(code, args);
    }

    public AuthorizationException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }
}
