package org.evidencegateway.casesystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.evidencegateway.crypto.Signer;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.SignedStatements;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.open.DirectoryItemSink;
import org.evidencegateway.open.ItemSink;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.open.PackageOpener;
import org.evidencegateway.open.VerificationReport;

/**
 * Takes one delivery the way docs/case-system-integration.md specifies, whatever the transport: spools it, opens
 * and verifies it end to end, checks its metadata and addressee, stores it whole with a signed acknowledgement, and
 * absorbs repeated deliveries of a stored package. Refusals are {@link CodedException}s. Thread-safe.
 */
public final class DeliveryReceiver {
    private static final String WHAT = "the delivery acknowledgement";

    private final CaseSystemIdentity identity;
    private final Signer signer;
    private final OpeningPolicy policy;
    private final DeliveryStore store;
    private final Clock clock;
    private final DeliveryListener listener;
    /** Deliveries of one package id take the same lock; a fixed set, so that it does not grow with the store. */
    private final Object[] locks = new Object[64];

    /**
     * @param signer signs acknowledgements: the case system's own key
     * @param policy decrypts with the case system's key and judges signers against the senders' anchors
     */
    public DeliveryReceiver(CaseSystemIdentity identity, Signer signer, OpeningPolicy policy, DeliveryStore store) {
        this(identity, signer, policy, store, DeliveryListener.NONE);
    }

    /** Same as the other constructor, telling {@code listener} of every package stored. */
    public DeliveryReceiver(CaseSystemIdentity identity, Signer signer, OpeningPolicy policy, DeliveryStore store,
                            DeliveryListener listener) {
        this.identity = identity;
        this.listener = listener;
        this.signer = signer;
        this.policy = policy;
        this.store = store;
        this.clock = policy.clock();
        Arrays.setAll(locks, i -> new Object());
    }

    public CaseSystemIdentity identity() {
        return identity;
    }

    /** Receives the package read from {@code body} (read to its end, not closed) under {@code metadata}. */
    public Delivered receive(DeliveryMetadata metadata, InputStream body) {
        DeliveryStore.Spooled spooled;
        try {
            spooled = store.spool(body);
        } catch (IOException e) {
            throw new CodedException(ErrorCode.IO_STORAGE, e, "the delivery could not be received: " + e.getMessage());
        }
        try {
            Delivered delivered;
            synchronized (locks[Math.floorMod(metadata.packageId().hashCode(), locks.length)]) {
                Optional<byte[]> stored = store.acknowledgement(metadata.packageId());
                delivered = stored.isPresent() ? repeated(metadata, spooled, stored.get()) : store(metadata, spooled);
            }
            if (!delivered.duplicate()) {
                listener.stored(metadata, delivered.acknowledgement());
            }
            return delivered;
        } catch (IOException e) {
            throw new CodedException(ErrorCode.IO_STORAGE, e, e.getMessage());
        } finally {
            store.discard(spooled.file());
        }
    }

    private Delivered store(DeliveryMetadata metadata, DeliveryStore.Spooled spooled) throws IOException {
        Path work = store.newWorkFolder();
        try {
            DirectoryItemSink sink = new DirectoryItemSink(work, CanonicalJson.MAPPER);
            VerificationReport report = open(spooled, sink);
            Files.move(sink.committedFolder(), work.resolve(DeliveryStore.CONTENT_DIR));
            check(metadata, report);
            DeliveryAcknowledgement statement = DeliveryAcknowledgement.of(identity.id(), clock.instant(), report);
            byte[] signed = SignedStatements.sign(CanonicalJson.bytes(statement), signer, statement.receivedAt());
            Files.write(work.resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE), signed);
            Files.move(spooled.file(), work.resolve(DeliveryStore.PACKAGE_FILE));
            store.commit(work, metadata.packageId());
            return new Delivered(new SignedAcknowledgement(statement, signed), false);
        } finally {
            store.discard(work);
        }
    }

    /**
     * The package id is stored already: the same package (same bytes, or another encryption of the same signed
     * manifest) is absorbed with the original acknowledgement; anything else under that id is a conflict.
     */
    private Delivered repeated(DeliveryMetadata metadata, DeliveryStore.Spooled spooled, byte[] signed) {
        DeliveryAcknowledgement original = SignedStatements.readUnverified(signed, DeliveryAcknowledgement.class, WHAT);
        Delivered duplicate = new Delivered(new SignedAcknowledgement(original, signed), true);
        if (original.packageSha256().equals(spooled.sha256())) {
            return duplicate;
        }
        VerificationReport report = open(spooled, ItemSink.discarding());
        check(metadata, report);
        if (!original.manifestSha256().equals(report.manifestSha256())) {
            throw new CodedException(ErrorCode.REQ_CONFLICT, metadata.packageId(),
                    "manifest " + original.manifestSha256(), "manifest " + report.manifestSha256());
        }
        return duplicate;
    }

    private VerificationReport open(DeliveryStore.Spooled spooled, ItemSink sink) {
        try (InputStream in = Files.newInputStream(spooled.file())) {
            return new PackageOpener(policy).open(in, sink);
        } catch (IOException e) {
            throw new CodedException(ErrorCode.IO_STORAGE, e, e.getMessage());
        }
    }

    private void check(DeliveryMetadata metadata, VerificationReport report) {
        metadata.requireMatches(report.manifest());
        identity.requireServes(report.manifest().packageId(), report.manifest().recipient());
    }
}
