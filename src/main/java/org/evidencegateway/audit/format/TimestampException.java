package org.evidencegateway.audit.format;

/** An RFC 3161 timestamp that is malformed, refused, signed by an untrusted authority, or over other data. */
public final class TimestampException extends Exception {
    public TimestampException(String message) {
        super(message);
    }

    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
