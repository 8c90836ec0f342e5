package org.evidencegateway.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.SignedNote;
import org.evidencegateway.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues signed checkpoints every {@code interval} or every {@code maxEntries} new entries, whichever comes first,
 * and timestamps them (docs/audit-log.md §5–6). Driven by {@link #tick()} with an injected clock, so tests need no
 * sleeping. An unreachable TSA never blocks a checkpoint: it stays pending and is retried on the next tick.
 */
public final class CheckpointScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointScheduler.class);

    private final Transactions transactions;
    private final CheckpointSigner signer;
    private final Timestamper timestamper;
    private final Clock clock;
    private final Duration interval;
    private final long maxEntries;
    /** Until the first checkpoint, the interval counts from when this scheduler started. */
    private final Instant started;

    public CheckpointScheduler(Transactions transactions, CheckpointSigner signer, Timestamper timestamper,
                               Clock clock, Duration interval, long maxEntries) {
        this.transactions = transactions;
        this.signer = signer;
        this.timestamper = timestamper;
        this.clock = clock;
        this.interval = interval;
        this.maxEntries = maxEntries;
        this.started = clock.instant();
    }

    /** What one tick did. */
    public record Tick(Optional<Long> issuedTreeSize, int timestamped, int stillPending) {
    }

    /** Issues a checkpoint if one is due, then timestamps every pending checkpoint it can. */
    public Tick tick() {
        Optional<Long> issued = transactions.inTransaction(this::issueIfDue);
        return timestampPending(issued);
    }

    /** Issues a checkpoint of the current tree now unless the latest one already covers it; returns its size. */
    public long issueNow() {
        long size = transactions.inTransaction(c -> {
            JdbcAuditLog.lockAppends(c);
            long treeSize = LedgerReader.treeSize(c);
            Optional<StoredCheckpoint> latest = LedgerReader.latestCheckpoint(c);
            if (latest.isEmpty() || latest.get().treeSize() < treeSize) {
                insert(c, treeSize);
            }
            return treeSize;
        });
        timestampPending(Optional.of(size));
        return size;
    }

    private Optional<Long> issueIfDue(Connection c) throws SQLException {
        // Serialized with appends and with other issuers (another node, `evgw audit prove`): an issuer that waited
        // sees the checkpoint issued meanwhile instead of clashing with it on the same tree size.
        JdbcAuditLog.lockAppends(c);
        long treeSize = LedgerReader.treeSize(c);
        Optional<StoredCheckpoint> latest = LedgerReader.latestCheckpoint(c);
        long covered = latest.map(StoredCheckpoint::treeSize).orElse(0L);
        if (treeSize <= covered) {
            return Optional.empty();
        }
        Instant last = latest.map(StoredCheckpoint::issuedAt).orElse(started);
        boolean enoughEntries = treeSize - covered >= maxEntries;
        boolean intervalPassed = !clock.instant().isBefore(last.plus(interval));
        if (!enoughEntries && !intervalPassed) {
            return Optional.empty();
        }
        insert(c, treeSize);
        return Optional.of(treeSize);
    }

    private void insert(Connection c, long treeSize) throws SQLException {
        byte[] root = LedgerReader.proofs(c).root(treeSize);
        SignedNote note = signer.sign(treeSize, root);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_checkpoints (tree_size, issued_at, root_hash, note) VALUES (?, ?, ?, ?)")) {
            s.setLong(1, treeSize);
            s.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            s.setString(3, LogHashes.hex(root));
            s.setString(4, note.text());
            s.executeUpdate();
        }
    }

    private static boolean timestamped(Connection c, long treeSize) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM audit_timestamps WHERE tree_size = ?")) {
            s.setLong(1, treeSize);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Tick timestampPending(Optional<Long> issued) {
        List<StoredCheckpoint> pending = transactions.reading(LedgerReader::pendingTimestamps);
        int done = 0;
        for (StoredCheckpoint checkpoint : pending) {
            byte[] response;
            try {
                response = timestamper.timestamp(checkpoint.note().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.warn("checkpoint of tree size {} stays pending: {}", checkpoint.treeSize(), e.getMessage());
                break;
            }
            transactions.inTransaction(c -> {
                // Another issuer may have stamped it meanwhile: its token stands, this one is dropped.
                JdbcAuditLog.lockAppends(c);
                if (timestamped(c, checkpoint.treeSize())) {
                    return 0;
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_timestamps "
                        + "(tree_size, obtained_at, tsa, response_base64) VALUES (?, ?, ?, ?)")) {
                    s.setLong(1, checkpoint.treeSize());
                    s.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    s.setString(3, timestamper.authorityName());
                    s.setString(4, Base64.getEncoder().encodeToString(response));
                    return s.executeUpdate();
                }
            });
            done++;
        }
        return new Tick(issued, done, pending.size() - done);
    }
}
