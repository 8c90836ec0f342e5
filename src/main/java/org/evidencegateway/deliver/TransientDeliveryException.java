package org.evidencegateway.deliver;

import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;

/**
 * A delivery attempt that failed in a way worth retrying: a 5xx answer, a {@code Receiver} fault, a timeout, a
 * refused connection or a failed TLS handshake ({@code EGW-DLV-005}), or an acknowledgement that does not hold
 * ({@code EGW-DLV-006}). Thrown so that the broker redelivers the claim check later.
 */
public final class TransientDeliveryException extends CodedException {
    public TransientDeliveryException(ErrorCode code, Throwable cause, Object... args) {
        super(code, cause, args);
    }

    /** The case system at {@code caseSystem} did not take the delivery, for {@code reason}. */
    public static TransientDeliveryException unavailable(String caseSystem, String reason, Throwable cause) {
        return new TransientDeliveryException(ErrorCode.DLV_UNAVAILABLE, cause, caseSystem, reason);
    }
}
