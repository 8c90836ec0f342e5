package org.evidencegateway.deliver;

import java.util.Map;
import org.evidencegateway.party.DeliveryProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivers a re-enveloped package over the contract its case system registered (REST or SOAP), holds its
 * acknowledgement to account, and deletes the temporary file whatever happens. A transient failure is logged as one
 * line (it is the case system's state, not our bug: no stack trace) and goes on to the broker, which retries; when
 * it was the last attempt, the NonDelivery is recorded first (and the broker moves the claim check to the
 * destination's dead-letter queue).
 */
public final class CaseSystemDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(CaseSystemDelivery.class);

    private final Map<DeliveryProtocol, CaseSystemClient> clients;
    private final AcknowledgementCheck acknowledgements;
    private final DeliveryEvidences evidences;
    private final DeliveryMetrics metrics;

    public CaseSystemDelivery(Map<DeliveryProtocol, CaseSystemClient> clients, AcknowledgementCheck acknowledgements,
                              DeliveryEvidences evidences, DeliveryMetrics metrics) {
        this.clients = Map.copyOf(clients);
        this.acknowledgements = acknowledgements;
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
            DeliveryOutcome outcome = acknowledgements.require(
                    clients.get(attempt.caseSystem().delivery().protocol()).deliver(pkg));
            metrics.attempted(destination, outcome.permanentlyRefused() ? DeliveryMetrics.Outcome.REFUSED
                    : DeliveryMetrics.Outcome.DELIVERED);
            return outcome;
        } catch (TransientDeliveryException e) {
            log(attempt, e);
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

    private static void log(DeliveryAttempt attempt, TransientDeliveryException e) {
        try (MDC.MDCCloseable id = MDC.putCloseable("packageId", attempt.check().packageId().toString());
             MDC.MDCCloseable code = MDC.putCloseable("code", e.code().code())) {
            LOG.warn("{} delivery of {} to {}, attempt {}, failed{}: {}", e.code().code(), attempt.check().packageId(),
                    attempt.caseSystem().id(), attempt.number(), attempt.last() ? " (the last one)" : ", to be retried",
                    e.getMessage());
        }
    }
}
