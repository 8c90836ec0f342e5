package org.evidencegateway.receive;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.evidencegateway.audit.AuditEvent;
import org.evidencegateway.audit.AuditEventType;
import org.evidencegateway.audit.AuditLog;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceSigner;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.store.PackageStore;
import org.evidencegateway.store.Transactions;

/**
 * Last stage of ingest, and the handler of refusals: once a package is on its destination's queue, records it
 * as accepted and signs the SubmissionAcceptance; when any stage refuses a package, signs the
 * SubmissionRejection (if the sender is known), audits the refusal and removes the upload.
 */
public final class SubmissionEvidences {
    private final String gatewayId;
    private final Supplier<PartyRegistry> parties;
    private final PackageStore store;
    private final Transactions transactions;
    private final PackageRepository repository;
    private final AuditLog audit;
    private final EvidenceSigner signer;
    private final Clock clock;

    public SubmissionEvidences(String gatewayId, Supplier<PartyRegistry> parties, PackageStore store,
                               Transactions transactions, PackageRepository repository, AuditLog audit,
                               EvidenceSigner signer, Clock clock) {
        this.gatewayId = gatewayId;
        this.parties = parties;
        this.store = store;
        this.transactions = transactions;
        this.repository = repository;
        this.audit = audit;
        this.signer = signer;
        this.clock = clock;
    }

    /** The claim check to put on the destination's queue. */
    public ClaimCheck claimCheck(Submission submission) {
        PackageRecord r = submission.record();
        String destination = parties.get().caseSystemFor(r.recipient()).orElseThrow().id();
        return new ClaimCheck(r.packageId(), destination, r.storeRef(), r.packageSha256(), r.packageSize(),
                r.sender(), r.recipient(), r.caseReference(), r.kind());
    }

    /**
     * Records that the package is on its queue and signs the SubmissionAcceptance; for a duplicate already
     * accepted, returns the original acceptance instead.
     */
    public Receipt accepted(Submission submission) {
        PackageRecord r = submission.record();
        if (!submission.needsQueueing()) {
            SignedEvidence original = transactions.reading(c -> originalAcceptance(c, r.packageId()));
            return new Receipt(r.packageId(), r.status(), r.receivedAt(), r.packageSha256(), original, true);
        }
        Instant now = clock.instant();
        SignedEvidence evidence = signer.sign(statement(EvidenceType.SUBMISSION_ACCEPTANCE, now, submission,
                submission.submitter(), null));
        String destination = claimCheck(submission).destination();
        SignedEvidence recorded = transactions.inGroupCommit(c -> {
            // Start-up recovery and a repeated submission may queue the same package at once: one records it.
            repository.lock(c, r.packageId());
            Optional<SignedEvidence> earlier = acceptance(c, r.packageId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            // Its delivery may have begun already: the package is on the queue.
            repository.advanceStatus(c, r.packageId(), PackageStatus.ACCEPTED, now, "queued for " + destination);
            repository.saveEvidence(c, evidence);
            audit.append(c, new AuditEvent(AuditEventType.PACKAGE_QUEUED, now, r.packageId(), submission.submitter(),
                    Map.of("destination", destination, "evidenceId", evidence.statement().evidenceId().toString())));
            return evidence;
        });
        return new Receipt(r.packageId(), PackageStatus.ACCEPTED, r.receivedAt(), r.packageSha256(), recorded,
                submission.duplicate() || recorded != evidence);
    }

    /**
     * Records a refusal: audited always; a signed SubmissionRejection when the submitter is known; the upload
     * removed.
     *
     * @param submission what is known of the submission (may be null if the upload never started)
     * @param submitter  the submitting party's id, or the client certificate's subject if it is no party
     * @return the rejection evidence, or null if the submitter is unknown
     */
    public SignedEvidence rejected(Submission submission, String submitter, boolean knownParty, CodedException refusal) {
        if (submission != null && submission.spooled() != null) {
            store.discard(submission.spooled());
        }
        Instant now = clock.instant();
        SignedEvidence evidence = knownParty
                ? signer.sign(statement(EvidenceType.SUBMISSION_REJECTION, now, submission, submitter, refusal)) : null;
        Map<String, String> details = new HashMap<>();
        details.put("code", refusal.code().code());
        details.put("reason", refusal.getMessage());
        if (submission != null) {
            details.put("packageSha256", submission.packageSha256());
        }
        UUID packageId = evidence == null ? null : evidence.statement().packageId();
        if (evidence != null) {
            details.put("evidenceId", evidence.statement().evidenceId().toString());
        }
        transactions.inGroupCommit(c -> {
            if (evidence != null) {
                // Not listed under the package it names: a refused upload may name another party's package.
                repository.saveEvidence(c, evidence, null);
            }
            audit.append(c, new AuditEvent(AuditEventType.PACKAGE_REJECTED, now, packageId,
                    submitter == null ? "unknown" : submitter, details));
            return null;
        });
        return evidence;
    }

    private SignedEvidence originalAcceptance(Connection c, UUID packageId) throws SQLException {
        return acceptance(c, packageId)
                .orElseThrow(() -> new SQLException("accepted package " + packageId + " has no acceptance evidence"));
    }

    private Optional<SignedEvidence> acceptance(Connection c, UUID packageId) throws SQLException {
        return repository.evidences(c, packageId).stream().map(SignedEvidence::readStored)
                .filter(e -> e.statement().evidenceType() == EvidenceType.SUBMISSION_ACCEPTANCE).findFirst();
    }

    /** The statement; {@code submitter} is named even when the upload failed before a submission existed. */
    private Evidence statement(EvidenceType type, Instant now, Submission s, String submitter,
                               CodedException refusal) {
        String code = refusal == null ? null : refusal.code().code();
        String reason = refusal == null ? null : refusal.getMessage();
        if (s == null) {
            return new Evidence(Evidence.VERSION, UUID.randomUUID(), type, now, gatewayId, null, null, null, null,
                    null, null, submitter, code, reason);
        }
        if (s.record() != null) {
            return about(s.record(), type, now, gatewayId, submitter, code, reason, null);
        }
        Manifest manifest = s.report() == null ? null : s.report().manifest();
        return new Evidence(Evidence.VERSION, UUID.randomUUID(), type, now, gatewayId,
                manifest == null ? null : manifest.packageId(), s.packageSha256(), s.packageSize(),
                s.report() == null ? null : s.report().manifestSha256(), manifest == null ? null : manifest.sender(),
                manifest == null ? null : manifest.recipient(), submitter, code, reason);
    }

    /**
     * A statement about a recorded package: its identity and parties from the record.
     *
     * @param code                  the reason code of a failure type, else null
     * @param acknowledgementSha256 for a Delivery, the SHA-256 of the case system's acknowledgement, else null
     */
    public static Evidence about(PackageRecord r, EvidenceType type, Instant now, String gatewayId, String submitter,
                                 String code, String reason, String acknowledgementSha256) {
        return new Evidence(Evidence.VERSION, UUID.randomUUID(), type, now, gatewayId, r.packageId(),
                r.packageSha256(), r.packageSize(), r.manifestSha256(), party(r.sender()), party(r.recipient()),
                submitter, code, reason, acknowledgementSha256);
    }

    /** Agency ids begin with their country's code ({@code kz-gpo}), as the manifest schema requires. */
    private static Party party(String agency) {
        return new Party(Country.valueOf(agency.substring(0, 2).toUpperCase(Locale.ROOT)), agency);
    }
}
