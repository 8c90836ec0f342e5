package org.evidencegateway.receive;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.party.SubmissionAuthorizer;
import org.evidencegateway.store.PackageEvent;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.Transactions;

/**
 * The read side of the gateway for parties: a package's status and timeline, and its signed evidences — only for
 * its sender, its recipient (or the case system serving it) and auditors. To anyone else a package does not exist.
 */
public final class PackageQueries {
    private final Supplier<PartyRegistry> parties;
    private final SubmissionAuthorizer authorizer;
    private final Transactions transactions;
    private final PackageRepository repository;

    public PackageQueries(Supplier<PartyRegistry> parties, Transactions transactions, PackageRepository repository) {
        this.parties = parties;
        this.authorizer = new SubmissionAuthorizer(parties);
        this.transactions = transactions;
        this.repository = repository;
    }

    /**
     * A package id as a transport received it; text that is no package id names no package anyone can see
     * ({@code EGW-AUTH-006}), like an unknown id.
     */
    public static UUID packageId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AuthorizationException(ErrorCode.AUTH_NOT_VISIBLE, text, "anyone");
        }
    }

    public PackageView status(X509Certificate client, UUID packageId) {
        PackageRecord record = visibleRecord(client, packageId);
        List<PackageEvent> timeline = transactions.reading(c -> repository.timeline(c, packageId));
        return new PackageView(record.packageId(), record.status(), record.receivedAt(), record.packageSha256(),
                record.kind(), record.caseReference(), record.sender(), record.recipient(), timeline);
    }

    public List<SignedEvidence> evidences(X509Certificate client, UUID packageId) {
        visibleRecord(client, packageId);
        List<byte[]> stored = transactions.reading(c -> repository.evidences(c, packageId));
        return stored.stream().map(SignedEvidence::readStored).toList();
    }

    private PackageRecord visibleRecord(X509Certificate client, UUID packageId) {
        RegisteredParty reader = parties.get().requireTlsClient(client);
        PackageRecord record = transactions.reading(c -> repository.find(c, packageId))
                .orElseThrow(() -> new AuthorizationException(ErrorCode.AUTH_NOT_VISIBLE, packageId, reader.id()));
        authorizer.requireMayRead(reader, record.sender(), record.recipient(), packageId);
        return record;
    }
}
