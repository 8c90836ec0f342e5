package org.evidencegateway.deliver;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.evidencegateway.audit.AuditEvent;
import org.evidencegateway.audit.AuditEventType;
import org.evidencegateway.audit.AuditLog;
import org.evidencegateway.audit.LedgerReader;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.party.Role;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.store.Transactions;

/**
 * What an operator can do with dead letters (docs/operations.md, Dead letters): list them, show one, replay it to
 * its case system, or discard it. A replay or discard is one audit entry naming the operator and the reason, in the
 * transaction that changes the package's status; a refused action is one audit entry too.
 *
 * <p>Crash safety: the claim check is first taken off the dead-letter queue in a broker transaction, then the
 * database transaction commits (status, timeline, audit entry), then the broker transaction commits (the claim
 * check moves to the destination's queue, or is dropped). A crash or failure before the database commit changes
 * nothing; one between the two commits leaves the claim check on the dead-letter queue with the action recorded, and
 * the same action again finishes it. No consumer sees the replayed claim check before the package is due again.
 */
public final class DeadLetterOperations {
    /** The longest reason an operator may give. */
    public static final int MAX_REASON_LENGTH = 1000;

    /** What an operator does with dead letters; its name is the word used in messages and audit details. */
    public enum Action {
        LIST, SHOW, REPLAY, DISCARD;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Supplier<PartyRegistry> parties;
    private final Transactions transactions;
    private final PackageRepository repository;
    private final AuditLog audit;
    private final DeadLetterQueues queues;
    private final Clock clock;

    public DeadLetterOperations(Supplier<PartyRegistry> parties, Transactions transactions,
                                PackageRepository repository, AuditLog audit, DeadLetterQueues queues, Clock clock) {
        this.parties = parties;
        this.transactions = transactions;
        this.repository = repository;
        this.audit = audit;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * Every dead letter, or those of one destination; per destination in the order they reached its dead-letter queue.
     *
     * <p>A claim check of a package the database does not know is listed too, with a null status: an operator
     * should see it, though it cannot be replayed or discarded through this service.
     *
     * @param destination a case system's id, or null for all
     * @throws CodedException {@code EGW-OPS-006} if {@code destination} is no case system of the registry
     */
    public List<DeadLetter> list(String destination) {
        List<String> destinations = destinations();
        if (destination != null && !destinations.contains(destination)) {
            throw new CodedException(ErrorCode.OPS_UNKNOWN_DESTINATION, destination, String.join(", ", destinations));
        }
        List<DeadLetter> letters = new ArrayList<>();
        for (String d : destination == null ? destinations : List.of(destination)) {
            for (ClaimCheck check : queues.browse(d)) {
                letters.add(find(check.packageId()).map(r -> transactions.reading(c -> deadLetter(c, d, r)))
                        .orElseGet(() -> unrecorded(d, check)));
            }
        }
        return letters;
    }

    /** One dead letter with its package's timeline and evidences. */
    public DeadLetterDetail show(UUID packageId) {
        PackageRecord record = requireRecord(packageId);
        String destination = requireDeadLettered(record);
        return transactions.reading(c -> new DeadLetterDetail(deadLetter(c, destination, record),
                repository.timeline(c, packageId), evidences(c, packageId)));
    }

    /**
     * Puts a dead letter back on its destination's queue, in its case's message group, and makes the package due
     * again ({@code DELIVERY_FAILED} back to {@code DELIVERING}); one {@code DEAD_LETTER_REPLAYED} entry.
     *
     * @param actor the operator: a party id, or the OS user of a local command
     */
    public DeadLetter replay(UUID packageId, String actor, String reason) {
        return act(Action.REPLAY, packageId, actor, reason);
    }

    /**
     * Removes a dead letter for good; the package stays {@code DELIVERY_FAILED}. One {@code DEAD_LETTER_DISCARDED}
     * entry.
     */
    public DeadLetter discard(UUID packageId, String actor, String reason) {
        return act(Action.DISCARD, packageId, actor, reason);
    }

    /**
     * Records that {@code action} by {@code actor} was refused: one {@code OPERATOR_ACTION_REFUSED} entry.
     *
     * @param packageId the package the action named, or null
     */
    public void refused(Action action, String actor, UUID packageId, CodedException reason) {
        Map<String, String> details = new HashMap<>();
        details.put("action", action.word());
        details.put("code", reason.code().code());
        details.put("reason", reason.getMessage());
        transactions.inTransaction(c -> audit.append(c, new AuditEvent(AuditEventType.OPERATOR_ACTION_REFUSED,
                clock.instant(), packageId, actor, details)));
    }

    /** The case systems of the party registry, whose queues have dead letters. */
    public List<String> destinations() {
        return parties.get().parties().stream().filter(p -> p.role() == Role.CASE_SYSTEM && p.delivery() != null)
                .map(RegisteredParty::id).sorted().toList();
    }

    private DeadLetter act(Action action, UUID packageId, String actor, String reason) {
        requireReason(action, reason);
        PackageRecord record = requireRecord(packageId);
        String destination = requireDeadLettered(record);
        // Checked before taking too: every claim check taken and put back counts as a delivery of it.
        requireStatus(action, record);
        try (DeadLetterQueues.Taken taken = queues.take(destination, packageId)) {
            if (taken.isEmpty()) {
                // Taken by another operator's action meanwhile.
                throw new CodedException(ErrorCode.OPS_NOT_DEAD_LETTERED, packageId, record.status());
            }
            DeadLetter letter = transactions.inGroupCommit(c -> record(c, action, destination, packageId, actor,
                    reason));
            finish(action, taken, destination, packageId);
            return letter;
        } catch (jakarta.jms.JMSException e) {
            // Closing the broker session failed; what it took is back on the queue, or moved: nothing is lost.
            throw new CodedException(ErrorCode.OPS_INCOMPLETE, e, action.word(), packageId, e.toString(),
                    action.word());
        }
    }

    /** The status change, timeline step and audit entry of an action, in the caller's transaction. */
    private DeadLetter record(Connection c, Action action, String destination, UUID packageId, String actor,
                              String reason) throws SQLException {
        PackageRecord current = repository.find(c, packageId).orElseThrow();
        requireStatus(action, current);
        Instant now = clock.instant();
        String detail = "dead letter " + (action == Action.REPLAY ? "replayed" : "discarded") + " by " + actor
                + ": " + reason;
        if (action == Action.REPLAY && current.status().mayBeReplayed()) {
            repository.reopenDelivery(c, packageId, now, detail);
        } else {
            repository.note(c, packageId, current.status(), now, detail);
        }
        Map<String, String> details = new HashMap<>();
        details.put("destination", destination);
        details.put("reason", reason);
        details.put("previousStatus", current.status().name());
        audit.append(c, new AuditEvent(action == Action.REPLAY ? AuditEventType.DEAD_LETTER_REPLAYED
                : AuditEventType.DEAD_LETTER_DISCARDED, now, packageId, actor, details));
        return deadLetter(c, destination, repository.find(c, packageId).orElseThrow());
    }

    private static void finish(Action action, DeadLetterQueues.Taken taken, String destination, UUID packageId) {
        try {
            if (action == Action.REPLAY) {
                taken.moveTo(ClaimCheck.queueFor(destination));
            } else {
                taken.drop();
            }
        } catch (jakarta.jms.JMSException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CodedException(ErrorCode.OPS_INCOMPLETE, e, action.word(), packageId, e.toString(),
                    action.word());
        }
    }

    /**
     * A replay takes a failed delivery, or one whose replay was recorded but not finished by the broker (DELIVERING);
     * a discard takes a finished package only, so that no package is left DELIVERING with nothing on its way.
     */
    private static void requireStatus(Action action, PackageRecord record) {
        PackageStatus status = record.status();
        if (action == Action.REPLAY && !status.mayBeReplayed() && status != PackageStatus.DELIVERING) {
            throw new CodedException(ErrorCode.OPS_WRONG_STATUS, record.packageId(), "replayed", status,
                    "only a failed delivery can be replayed");
        }
        if (action == Action.DISCARD && !status.isFinal()) {
            throw new CodedException(ErrorCode.OPS_WRONG_STATUS, record.packageId(), "discarded", status,
                    "a replay of it is recorded; replay it again to finish that");
        }
    }

    private static void requireReason(Action action, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new CodedException(ErrorCode.OPS_REASON_REQUIRED, action.word(), MAX_REASON_LENGTH, "none given");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new CodedException(ErrorCode.OPS_REASON_REQUIRED, action.word(), MAX_REASON_LENGTH,
                    reason.length() + " characters given");
        }
    }

    private PackageRecord requireRecord(UUID packageId) {
        return find(packageId).orElseThrow(() -> new CodedException(ErrorCode.OPS_UNKNOWN_PACKAGE, packageId));
    }

    private Optional<PackageRecord> find(UUID packageId) {
        return transactions.reading(c -> repository.find(c, packageId));
    }

    /** The destination on whose dead-letter queue the package's claim check waits. */
    private String requireDeadLettered(PackageRecord record) {
        return destinations().stream().filter(d -> queues.holds(d, record.packageId())).findFirst()
                .orElseThrow(() -> new CodedException(ErrorCode.OPS_NOT_DEAD_LETTERED, record.packageId(),
                        record.status()));
    }

    private DeadLetter deadLetter(Connection c, String destination, PackageRecord record) throws SQLException {
        Optional<Evidence> failure = evidences(c, record.packageId()).stream()
                .filter(e -> e.evidenceType() == EvidenceType.NON_DELIVERY)
                .max(Comparator.comparing(Evidence::eventTime));
        int attempts = LedgerReader.countOf(c, record.packageId().toString(), AuditEventType.DELIVERY_ATTEMPTED);
        return new DeadLetter(record.packageId(), destination, record.caseReference(), record.sender(),
                record.recipient(), record.status(), failure.map(Evidence::reasonCode).orElse(null),
                failure.map(Evidence::reasonMessage).orElse(null), failure.map(Evidence::eventTime).orElse(null),
                attempts);
    }

    /** A claim check whose package the database does not know (it should not happen): shown as it is, no status. */
    private static DeadLetter unrecorded(String destination, ClaimCheck check) {
        return new DeadLetter(check.packageId(), destination, check.caseReference(), check.sender(),
                check.recipient(), null, null, null, null, 0);
    }

    private List<Evidence> evidences(Connection c, UUID packageId) throws SQLException {
        return repository.evidences(c, packageId).stream().map(SignedEvidence::readStored)
                .map(SignedEvidence::statement).toList();
    }
}
