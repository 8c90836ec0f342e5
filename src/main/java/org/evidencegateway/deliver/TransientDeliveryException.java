package org.evidencegateway.deliver;

/**
 * A delivery attempt that failed in a way worth retrying: a 5xx answer, a {@code Receiver} fault, a timeout, a
 * refused connection or a failed TLS handshake. Thrown so that the broker redelivers the claim check later.
 */
public final class TransientDeliveryException extends RuntimeException {
    public TransientDeliveryException(String message) {
        super(message);
    }

    public TransientDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
