package org.evidencegateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.NodeSource;
import org.evidencegateway.audit.format.ProofBuilder;

/** Reads the stored log: tree size, subtree hashes, entries, checkpoints and timestamps. Never writes. */
public final class LedgerReader {
    private LedgerReader() {
    }

    /** Number of entries: the next sequence number. */
    public static long treeSize(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(seq) FROM audit_entries");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? 0 : max + 1;
        }
    }

    /** The hash of complete subtree (level, index); fails if it is not stored. */
    public static byte[] node(Connection c, int level, long index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hash FROM audit_nodes WHERE level = ? AND idx = ?")) {
            s.setInt(1, level);
            s.setLong(2, index);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit tree node " + level + "/" + index + " is missing");
                }
                return LogHashes.fromHex(rs.getString(1));
            }
        }
    }

    /** Proofs and roots over the stored tree, read through {@code c} (O(log n) reads each). */
    public static ProofBuilder proofs(Connection c) {
        NodeSource nodes = (level, index) -> {
            try {
                return node(c, level, index);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the audit tree: " + e.getMessage(), e);
            }
        };
        return new ProofBuilder(nodes);
    }

    /** Streams entries [from, to) in sequence order. */
    public static void entries(Connection c, long from, long to, Consumer<LedgerEntry> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, entry_json FROM audit_entries WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            s.setLong(1, from);
            s.setLong(2, to);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new LedgerEntry(rs.getLong(1), rs.getString(2)));
                }
            }
        }
    }

    /** Streams the level-0 hashes (the leaf hashes the tree was built from) of [from, to), in order. */
    public static void leafHashes(Connection c, long from, long to, Consumer<String> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT hash FROM audit_nodes WHERE level = 0 AND idx >= ? AND idx < ? ORDER BY idx")) {
            s.setLong(1, from);
            s.setLong(2, to);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getString(1));
                }
            }
        }
    }

    /** Every entry about one package, in sequence order. */
    public static List<LedgerEntry> entriesOf(Connection c, String packageId) throws SQLException {
        List<LedgerEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, entry_json FROM audit_entries WHERE package_id = ? ORDER BY seq")) {
            s.setString(1, packageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new LedgerEntry(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** The latest entry of {@code type}, if any. */
    public static Optional<LedgerEntry> lastOf(Connection c, AuditEventType type) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, entry_json FROM audit_entries WHERE event_type = ? ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, type.name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new LedgerEntry(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** How many entries of {@code type} there are about one package. */
    public static int countOf(Connection c, String packageId, AuditEventType type) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM audit_entries WHERE package_id = ? AND event_type = ?")) {
            s.setString(1, packageId);
            s.setString(2, type.name());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Every checkpoint, by tree size. */
    public static List<StoredCheckpoint> checkpoints(Connection c) throws SQLException {
        return checkpoints(c, "");
    }

    /** The checkpoint of the largest tree size, if any. */
    public static Optional<StoredCheckpoint> latestCheckpoint(Connection c) throws SQLException {
        List<StoredCheckpoint> latest = checkpoints(c,
                " WHERE k.tree_size = (SELECT MAX(tree_size) FROM audit_checkpoints)");
        return latest.stream().findFirst();
    }

    /** Checkpoints that have no timestamp yet, oldest first. */
    public static List<StoredCheckpoint> pendingTimestamps(Connection c) throws SQLException {
        return checkpoints(c, " WHERE t.tree_size IS NULL");
    }

    /** At most {@code limit} checkpoints of tree sizes greater than {@code after}, by tree size. */
    public static List<StoredCheckpoint> checkpointsAfter(Connection c, long after, int limit) throws SQLException {
        return query(c, " WHERE k.tree_size > ? ORDER BY k.tree_size FETCH FIRST ? ROWS ONLY", after, limit);
    }

    private static List<StoredCheckpoint> checkpoints(Connection c, String where) throws SQLException {
        return query(c, where + " ORDER BY k.tree_size");
    }

    private static List<StoredCheckpoint> query(Connection c, String whereAndOrder, Object... parameters)
            throws SQLException {
        List<StoredCheckpoint> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT k.tree_size, k.issued_at, k.root_hash, k.note, "
                + "t.response_base64 FROM audit_checkpoints k LEFT JOIN audit_timestamps t "
                + "ON t.tree_size = k.tree_size" + whereAndOrder)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                read(rs, out);
            }
        }
        return out;
    }

    private static void read(ResultSet rs, List<StoredCheckpoint> out) throws SQLException {
        while (rs.next()) {
            String token = rs.getString(5);
            out.add(new StoredCheckpoint(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                    rs.getString(3), rs.getString(4), Optional.ofNullable(token).map(Base64.getDecoder()::decode)));
        }
    }
}
