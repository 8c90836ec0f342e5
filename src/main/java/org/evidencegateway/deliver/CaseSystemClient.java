package org.evidencegateway.deliver;

/** Hands a re-enveloped package to a case system over one delivery contract (docs/case-system-integration.md). */
public interface CaseSystemClient {
    /**
     * Delivers {@code pkg} to the endpoint of its attempt's case system; does not delete the file.
     *
     * @return DELIVERED or REFUSED (for good)
     * @throws TransientDeliveryException if the attempt should be retried
     */
    DeliveryOutcome deliver(Reenveloped pkg);
}
