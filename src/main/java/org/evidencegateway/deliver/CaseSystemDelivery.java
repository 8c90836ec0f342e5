package org.evidencegateway.deliver;

import java.util.Map;
import org.evidencegateway.party.DeliveryProtocol;

/**
 * Delivers a re-enveloped package over the contract its case system registered (REST or SOAP), and deletes the
 * temporary file whatever happens. When the last attempt fails transiently, the NonDelivery is recorded before the
 * failure goes on (and the broker moves the claim check to the destination's dead-letter queue).
 */
public final class CaseSystemDelivery {
    private final Map<DeliveryProtocol, CaseSystemClient> clients;
    private final DeliveryEvidences evidences;
    private final DeliveryMetrics metrics;

    public CaseSystemDelivery(Map<DeliveryProtocol, CaseSystemClient> clients, DeliveryEvidences evidences,
                              DeliveryMetrics metrics) {
        this.clients = Map.copyOf(clients);
        this.evidences = evidences;
        this.metrics = metrics;
    }

    /**
     * The case system's answer to the delivery of {@code pkg}.
     *
     * @throws TransientDeliveryException if the attempt is to be retried (or, on the last attempt, dead-lettered)
     */
    public DeliveryOutcome deliver(Reenveloped pkg) {
        DeliveryAttempt attempt = pkg.attempt();
        String destination = attempt.caseSystem().id();
        try {
            DeliveryOutcome outcome = clients.get(attempt.caseSystem().delivery().protocol()).deliver(pkg);
            metrics.attempted(destination, outcome.permanentlyRefused() ? DeliveryMetrics.Outcome.REFUSED
                    : DeliveryMetrics.Outcome.DELIVERED);
            return outcome;
        } catch (TransientDeliveryException e) {
            if (attempt.last()) {
                evidences.exhausted(attempt, e);
            }
            metrics.attempted(destination, attempt.last() ? DeliveryMetrics.Outcome.EXHAUSTED
                    : DeliveryMetrics.Outcome.RETRY);
            throw e;
        } finally {
            Reenveloper.delete(pkg.file());
        }
    }
}
