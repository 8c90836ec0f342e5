package org.evidencegateway.receive;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evidencegateway.audit.AuditEvent;
import org.evidencegateway.audit.AuditEventType;
import org.evidencegateway.audit.AuditLog;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.open.VerificationReport;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.store.PackageStore;
import org.evidencegateway.store.Transactions;

/**
 * Third stage of ingest: makes a verified package durable — bytes fsync'ed into the store, then its record and
 * audit entry committed together — and recognises a package submitted again: the same bytes are a duplicate to
 * answer with the original receipt, other bytes under the same id are a conflict.
 */
public final class PackageRegistrar {
    private final PackageStore store;
    private final Transactions transactions;
    private final PackageRepository repository;
    private final AuditLog audit;
    private final Object[] locks = newLocks(64);

    public PackageRegistrar(PackageStore store, Transactions transactions, PackageRepository repository, AuditLog audit) {
        this.store = store;
        this.transactions = transactions;
        this.repository = repository;
        this.audit = audit;
    }

    public Submission register(Submission submission) {
        UUID packageId = submission.report().manifest().packageId();
        // One upload per package id at a time: look-up, store and insert must not interleave with another's.
        synchronized (locks[Math.floorMod(packageId.hashCode(), locks.length)]) {
            Optional<PackageRecord> existing = transactions.reading(c -> repository.find(c, packageId));
            if (existing.isPresent()) {
                return duplicate(submission, existing.get());
            }
            String storeRef = commitBytes(submission, packageId);
            PackageRecord record = record(submission, storeRef);
            transactions.inGroupCommit(c -> insert(c, record, submission.report()));
            return submission.registered(record, false);
        }
    }

    private static Object[] newLocks(int count) {
        Object[] locks = new Object[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new Object();
        }
        return locks;
    }

    private Submission duplicate(Submission submission, PackageRecord existing) {
        store.discard(submission.spooled());
        if (!existing.packageSha256().equals(submission.packageSha256())) {
            throw new CodedException(ErrorCode.REQ_CONFLICT, existing.packageId(), existing.packageSha256(),
                    submission.packageSha256());
        }
        return submission.registered(existing, true);
    }

    private String commitBytes(Submission submission, UUID packageId) {
        try {
            return store.commit(submission.spooled(), packageId);
        } catch (IOException e) {
            store.discard(submission.spooled());
            throw new CodedException(ErrorCode.IO_STORAGE, e, "cannot store package " + packageId + ": " + e.getMessage());
        }
    }

    private boolean insert(Connection c, PackageRecord record, VerificationReport report) throws SQLException {
        if (!repository.insert(c, record, "received from " + record.submitter())) {
            throw new SQLException("package " + record.packageId() + " was recorded meanwhile");
        }
        audit.append(c, new AuditEvent(AuditEventType.PACKAGE_RECEIVED, record.receivedAt(), record.packageId(),
                record.submitter(), Map.of("packageSha256", record.packageSha256(),
                "packageSize", Long.toString(record.packageSize()), "manifestSha256", record.manifestSha256(),
                "sender", record.sender(), "recipient", record.recipient(), "kind", record.kind(),
                "signers", String.join(",", report.signers().stream().map(s -> s.agency() + ":" + s.certificateSha256()).toList()))));
        return true;
    }

    private static PackageRecord record(Submission submission, String storeRef) {
        VerificationReport report = submission.report();
        Manifest manifest = report.manifest();
        return new PackageRecord(manifest.packageId(), submission.packageSha256(), submission.packageSize(),
                report.manifestSha256(), manifest.kind().name(), manifest.caseReference(), submission.submitter(),
                manifest.sender().agency(), manifest.recipient().agency(), PackageStatus.RECEIVED,
                submission.receivedAt(), storeRef);
    }
}
