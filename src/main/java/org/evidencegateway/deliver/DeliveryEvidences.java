package org.evidencegateway.deliver;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.evidencegateway.audit.AuditEvent;
import org.evidencegateway.audit.AuditEventType;
import org.evidencegateway.audit.AuditLog;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.EvidenceSigner;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.receive.SubmissionEvidences;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.store.Transactions;

/**
 * Records what happens to a package on its way to the case system, each change with its audit entry in one
 * transaction: every attempt (DELIVERY_ATTEMPTED; the first one moves the package to DELIVERING and signs the
 * RelayAcceptance), then either the Delivery evidence (DELIVERED) or the NonDelivery evidence (DELIVERY_FAILED).
 */
public final class DeliveryEvidences {
    private final String gatewayId;
    private final Supplier<PartyRegistry> parties;
    private final Transactions transactions;
    private final PackageRepository repository;
    private final AuditLog audit;
    private final EvidenceSigner signer;
    private final int maxAttempts;
    private final Clock clock;

    public DeliveryEvidences(String gatewayId, Supplier<PartyRegistry> parties, Transactions transactions,
                             PackageRepository repository, AuditLog audit, EvidenceSigner signer, int maxAttempts,
                             Clock clock) {
        this.gatewayId = gatewayId;
        this.parties = parties;
        this.transactions = transactions;
        this.repository = repository;
        this.audit = audit;
        this.signer = signer;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /**
     * Begins an attempt at delivering the package of {@code check}, the broker's {@code number}th: records it, and
     * on the first one signs the RelayAcceptance. A package delivered or failed already is not due again.
     *
     * @throws TransientDeliveryException {@code EGW-DLV-007} while an earlier package of the same case is not delivered
     *                                    or failed yet (so that a case's packages arrive in order even when the earlier
     *                                    one waits longer for its retry); the last attempt does not wait
     */
    public DeliveryAttempt attempt(ClaimCheck check, int number) {
        RegisteredParty caseSystem = parties.get().byId(check.destination())
                .filter(p -> p.delivery() != null)
                .orElseThrow(() -> new CodedException(ErrorCode.INTERNAL, "case system " + check.destination()
                        + " of package " + check.packageId() + " is not in the party registry with a delivery"));
        Instant now = clock.instant();
        return transactions.inGroupCommit(c -> {
            PackageRecord record = repository.find(c, check.packageId()).orElseThrow(() -> new SQLException(
                    "claim check of unknown package " + check.packageId()));
            boolean due = !record.status().isFinal();
            boolean last = number >= maxAttempts;
            if (due && !last) {
                Optional<UUID> earlier = repository.earlierUnfinishedOfCase(c, record);
                if (earlier.isPresent()) {
                    throw new TransientDeliveryException(ErrorCode.DLV_WAITING_FOR_EARLIER, null, record.packageId(),
                            earlier.get(), record.caseReference());
                }
            }
            if (due) {
                begin(c, record, caseSystem, number, now);
            }
            return new DeliveryAttempt(check, record, caseSystem, number, last, due);
        });
    }

    /**
     * Records the case system's answer: the Delivery or the NonDelivery evidence, status and audit entry.
     *
     * @return {@code outcome}, for the next step
     */
    public DeliveryOutcome record(DeliveryOutcome outcome) {
        evidence(outcome);
        return outcome;
    }

    private SignedEvidence evidence(DeliveryOutcome outcome) {
        DeliveryAttempt attempt = outcome.attempt();
        if (outcome.result() == DeliveryOutcome.Result.DELIVERED) {
            byte[] ack = outcome.acknowledgement();
            String ackSha256 = ack == null ? null : Sha256.hex(ack);
            Map<String, String> details = details(attempt);
            if (ackSha256 != null) {
                details.put("acknowledgementSha256", ackSha256);
            }
            return finish(attempt, EvidenceType.DELIVERY, PackageStatus.DELIVERED, AuditEventType.PACKAGE_DELIVERED,
                    null, null, ackSha256, details, "delivered to " + attempt.caseSystem().id());
        }
        return notDelivered(attempt, outcome.code(), outcome.message());
    }

    /** Records that the last attempt failed transiently too: no retry is left (the broker dead-letters the message). */
    public SignedEvidence exhausted(DeliveryAttempt attempt, TransientDeliveryException lastFailure) {
        return notDelivered(attempt, ErrorCode.DLV_RETRIES_EXHAUSTED.code(), ErrorCode.DLV_RETRIES_EXHAUSTED.format(
                attempt.caseSystem().id(), attempt.number(), lastFailure.toString()));
    }

    private SignedEvidence notDelivered(DeliveryAttempt attempt, String code, String message) {
        Map<String, String> details = details(attempt);
        details.put("code", code);
        details.put("reason", message);
        return finish(attempt, EvidenceType.NON_DELIVERY, PackageStatus.DELIVERY_FAILED,
                AuditEventType.PACKAGE_NOT_DELIVERED, code, message, null, details,
                "not delivered to " + attempt.caseSystem().id() + ": " + code);
    }

    private void begin(Connection c, PackageRecord record, RegisteredParty caseSystem, int number, Instant now)
            throws SQLException {
        Map<String, String> details = new HashMap<>();
        details.put("destination", caseSystem.id());
        details.put("attempt", Integer.toString(number));
        // The first attempt; ingest may not have recorded the acceptance yet (it does once the message is queued).
        if (record.status().mayAdvanceTo(PackageStatus.DELIVERING)) {
            SignedEvidence relay = signer.sign(SubmissionEvidences.about(record, EvidenceType.RELAY_ACCEPTANCE, now,
                    gatewayId, record.submitter(), null, null, null));
            repository.saveEvidence(c, relay);
            repository.advanceStatus(c, record.packageId(), PackageStatus.DELIVERING, now,
                    "taken from the queue of " + caseSystem.id());
            details.put("evidenceId", relay.statement().evidenceId().toString());
        }
        audit.append(c, new AuditEvent(AuditEventType.DELIVERY_ATTEMPTED, now, record.packageId(), gatewayId,
                details));
    }

    private SignedEvidence finish(DeliveryAttempt attempt, EvidenceType type, PackageStatus status,
                                  AuditEventType event, String code, String message, String ackSha256,
                                  Map<String, String> details, String timeline) {
        Instant now = clock.instant();
        PackageRecord record = attempt.record();
        SignedEvidence evidence = signer.sign(SubmissionEvidences.about(record, type, now, gatewayId,
                record.submitter(), code, message, ackSha256));
        details.put("evidenceId", evidence.statement().evidenceId().toString());
        transactions.inGroupCommit(c -> {
            repository.advanceStatus(c, record.packageId(), status, now, timeline);
            repository.saveEvidence(c, evidence);
            audit.append(c, new AuditEvent(event, now, record.packageId(), gatewayId, details));
            return null;
        });
        return evidence;
    }

    private static Map<String, String> details(DeliveryAttempt attempt) {
        Map<String, String> details = new HashMap<>();
        details.put("destination", attempt.caseSystem().id());
        details.put("attempt", Integer.toString(attempt.number()));
        return details;
    }
}
