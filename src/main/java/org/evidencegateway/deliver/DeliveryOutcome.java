package org.evidencegateway.deliver;

/**
 * What a case system answered to a delivery it did not leave for a retry (those throw
 * {@link TransientDeliveryException}).
 *
 * @param acknowledgement the case system's signed acknowledgement (DER) if DELIVERED and it sent one, else null
 * @param code            the refusal's error code if REFUSED ({@code EGW-…} from the case system, or
 *                        {@code EGW-DLV-003} when it gave none), else null
 * @param message         the refusal's explanation if REFUSED, else null
 */
public record DeliveryOutcome(DeliveryAttempt attempt, Result result, byte[] acknowledgement, String code,
                              String message) {
    /** Whether the case system took the package. */
    public enum Result {
        /** Verified and stored by the case system (now or by an earlier attempt). */
        DELIVERED,
        /** Refused for good: retrying would not help. */
        REFUSED
    }

    /** Whether the case system refused the package for good (it goes to the destination's dead letters). */
    public boolean permanentlyRefused() {
        return result == Result.REFUSED;
    }

    public static DeliveryOutcome delivered(DeliveryAttempt attempt, byte[] acknowledgement) {
        return new DeliveryOutcome(attempt, Result.DELIVERED, acknowledgement, null, null);
    }

    public static DeliveryOutcome refused(DeliveryAttempt attempt, String code, String message) {
        return new DeliveryOutcome(attempt, Result.REFUSED, null, code, message);
    }
}
