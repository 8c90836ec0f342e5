package org.evidencegateway.error;

/**
 * A failure with a stable {@link ErrorCode}; its message is the code's one-line explanation.
 *
 * <p>Subclasses exist per concern (signature, trust, archive, ...) so callers can catch what they handle.
 */
public class CodedException extends RuntimeException {
    private final ErrorCode code;

    public CodedException(ErrorCode code, Object... args) {
        this(code, null, args);
    }

    public CodedException(ErrorCode code, Throwable cause, Object... args) {
        super(code.format(args), cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** {@code EGW-SIG-003: the signature of ... does not verify: ...} */
    @Override
    public String toString() {
        return code.code() + ": " + getMessage();
    }
}
