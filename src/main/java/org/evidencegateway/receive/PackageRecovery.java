package org.evidencegateway.receive;

import java.util.List;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.store.Transactions;

/**
 * Finds packages that were stored and recorded but never reached their queue — the gateway stopped between the
 * two — so that they are queued at start-up. Their senders had no receipt yet; queueing them twice is harmless
 * (delivery is idempotent by package id).
 */
public final class PackageRecovery {
    private final Transactions transactions;
    private final PackageRepository repository;

    public PackageRecovery(Transactions transactions, PackageRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    public List<Submission> unqueued() {
        List<PackageRecord> records = transactions.reading(c -> repository.withStatus(c, PackageStatus.RECEIVED));
        return records.stream().map(Submission::recovered).toList();
    }
}
