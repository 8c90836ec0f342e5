package org.evidencegateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.PackageProof;
import org.evidencegateway.audit.format.ProofBuilder;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.store.Transactions;

/**
 * What the auditor API answers (docs/audit-log.md §12), read from the stored log in one transaction each:
 * checkpoints, pages of entries, inclusion and consistency proofs (O(log n) node reads), a package's proven
 * trail. Checks every range and tree size against the log and refuses a bad one with {@code EGW-AUDIT-002}.
 * Never writes.
 */
public final class AuditorQueries {
    /** Most entries one page holds. */
    public static final int MAX_ENTRIES = 1000;
    /** Most checkpoints one page holds. */
    public static final int MAX_CHECKPOINTS = 100;

    private final Transactions transactions;
    private final CheckpointSigner signer;

    public AuditorQueries(Transactions transactions, CheckpointSigner signer) {
        this.transactions = transactions;
        this.signer = signer;
    }

    /**
     * A checkpoint as the API shows it.
     *
     * @param rootHash  lower-case hex
     * @param note      the signed note text, exactly as issued
     * @param timestamp base64 DER TimeStampResp; null while pending
     */
    public record CheckpointView(long treeSize, String rootHash, String issuedAt, String note, String timestamp) {
        static CheckpointView of(StoredCheckpoint c) {
            return new CheckpointView(c.treeSize(), c.rootHashHex(), c.issuedAt().toString(), c.note(),
                    c.timeStampResponse().map(Base64.getEncoder()::encodeToString).orElse(null));
        }
    }

    /** Checkpoints of tree sizes greater than {@code after}, at most {@link #MAX_CHECKPOINTS}. */
    public record CheckpointPage(long after, List<CheckpointView> checkpoints) {
    }

    /**
     * Entries [start, end) of the log.
     *
     * @param entries    each entry's text exactly as stored (its UTF-8 bytes are the leaf's input)
     * @param leafHashes the gateway's stored leaf hash of each entry, hex: what it claims, to be checked
     */
    public record EntryPage(long start, long end, long treeSize, List<String> entries, List<String> leafHashes) {
    }

    /** RFC 9162 PATH(leafIndex, D[treeSize]), bottom first, with the leaf and root hashes it joins (hex). */
    public record InclusionProof(long leafIndex, long treeSize, String leafHash, String rootHash,
                                 List<String> inclusionProof) {
    }

    /** RFC 9162 PROOF(from, D[to]) with the two root hashes it joins (hex). */
    public record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash,
                                   List<String> consistencyProof) {
    }

    /** PEM certificates: the checkpoint signer then its chain; the TSA's as its tokens carry them. */
    public record Certificates(List<String> checkpointSigner, List<String> tsa) {
    }

    /** The checkpoint of the largest tree size. */
    public CheckpointView latestCheckpoint() {
        return CheckpointView.of(transactions.reading(this::latest));
    }

    /** The next page of checkpoints after tree size {@code after} (-1 for the first page). */
    public CheckpointPage checkpoints(long after) {
        requireAtLeast("after", after, -1);
        List<StoredCheckpoint> page = transactions.reading(
                c -> LedgerReader.checkpointsAfter(c, after, MAX_CHECKPOINTS));
        return new CheckpointPage(after, page.stream().map(CheckpointView::of).toList());
    }

    /** Entries [start, end): 0 ≤ start &lt; end ≤ tree size, at most {@link #MAX_ENTRIES} of them. */
    public EntryPage entries(long start, long end) {
        return transactions.reading(c -> {
            long size = LedgerReader.treeSize(c);
            requireAtLeast("start", start, 0);
            if (end <= start || end > size || end - start > MAX_ENTRIES) {
                throw badRange("end", "greater than start " + start + ", at most the tree size " + size
                        + " and at most start + " + MAX_ENTRIES, end);
            }
            List<String> entries = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            LedgerReader.entries(c, start, end, e -> entries.add(e.json()));
            LedgerReader.leafHashes(c, start, end, hashes::add);
            return new EntryPage(start, end, size, entries, hashes);
        });
    }

    /** The inclusion proof of a leaf in a tree size (null: the latest checkpoint's). */
    public InclusionProof inclusion(long leafIndex, Long treeSize) {
        return transactions.reading(c -> {
            long size = treeSize != null ? treeSize : latest(c).treeSize();
            requireTreeSize(c, "treeSize", size);
            if (leafIndex < 0 || leafIndex >= size) {
                throw badRange("leafIndex", "at least 0 and less than the tree size " + size, leafIndex);
            }
            ProofBuilder proofs = LedgerReader.proofs(c);
            return new InclusionProof(leafIndex, size, LogHashes.hex(LedgerReader.node(c, 0, leafIndex)),
                    LogHashes.hex(proofs.root(size)), hex(proofs.inclusion(leafIndex, size)));
        });
    }

    /** The consistency proof from tree size {@code from} to {@code to} (null: the latest checkpoint's). */
    public ConsistencyProof consistency(long from, Long to) {
        return transactions.reading(c -> {
            long size = to != null ? to : latest(c).treeSize();
            requireTreeSize(c, "to", size);
            if (from < 0 || from > size) {
                throw badRange("from", "at least 0 and at most to = " + size, from);
            }
            ProofBuilder proofs = LedgerReader.proofs(c);
            return new ConsistencyProof(from, size, LogHashes.hex(proofs.root(from)), LogHashes.hex(proofs.root(size)),
                    hex(proofs.consistency(from, size)));
        });
    }

    /** The proof file of one package against the latest checkpoint: what {@code evgw audit prove} writes. */
    public PackageProof trail(String packageId) {
        return transactions.inTransaction(c -> {
            try {
                return new PackageProver(signer).prove(c, packageId);
            } catch (IllegalStateException e) {
                throw new CodedException(ErrorCode.AUDIT_NOT_COVERED, e, e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The certificates an export carries (docs/audit-log.md §9); for convenience: auditors pin their own. */
    public Certificates certificates() {
        StoredCheckpoint latest = transactions.reading(this::latest);
        try {
            byte[] response = latest.timeStampResponse().orElse(null);
            return new Certificates(PackageProver.pem(signer.credential().chain()),
                    response == null ? List.of() : PackageProver.pem(TimestampCertificates.of(response)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredCheckpoint latest(Connection c) throws SQLException {
        return LedgerReader.latestCheckpoint(c).orElseThrow(
                () -> new CodedException(ErrorCode.AUDIT_NOT_COVERED, "the audit log has no checkpoint yet"));
    }

    private static void requireTreeSize(Connection c, String name, long size) throws SQLException {
        long current = LedgerReader.treeSize(c);
        if (size < 0 || size > current) {
            throw badRange(name, "a tree size from 0 to the current " + current, size);
        }
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw badRange(name, "at least " + min, value);
        }
    }

    private static CodedException badRange(String name, String expected, Object found) {
        return new CodedException(ErrorCode.AUDIT_BAD_RANGE, name, expected, found);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(LogHashes::hex).toList();
    }
}
