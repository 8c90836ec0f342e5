package org.evidencegateway.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.json.CanonicalJson;

/**
 * The audit log as an RFC 9162 Merkle log in the database (docs/audit-log.md §1–3): each append inserts the
 * canonical-JSON entry and the hashes of the subtrees it completes, in the caller's transaction. Appenders are
 * serialized by locking one row, so sequence numbers have no gaps and no duplicates across connections. Nothing
 * here updates or deletes a row.
 */
public final class JdbcAuditLog implements AuditLog {
    @Override
    public long[] appendAll(Connection c, List<AuditEvent> events) throws SQLException {
        lockAppends(c);
        long first = LedgerReader.treeSize(c);
        long[] sequence = new long[events.size()];
        TreeAppender tree = new TreeAppender(c, first);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entries "
                + "(seq, event_time, event_type, package_id, entry_json) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                AuditEvent event = events.get(i);
                long seq = first + i;
                byte[] entry = CanonicalJson.bytes(entry(seq, event));
                insert.setLong(1, seq);
                insert.setObject(2, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
                insert.setString(3, event.type().name());
                insert.setString(4, event.packageId() == null ? null : event.packageId().toString());
                insert.setString(5, new String(entry, StandardCharsets.UTF_8));
                insert.addBatch();
                tree.append(LogHashes.leaf(entry));
                sequence[i] = seq;
            }
            insert.executeBatch();
        }
        tree.flush();
        return sequence;
    }

    /** The canonical form of an entry: the event plus its sequence number (docs/audit-log.md §1). */
    static Map<String, Object> entry(long seq, AuditEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", seq);
        entry.put("type", event.type().name());
        entry.put("time", event.time().toString());
        entry.put("packageId", event.packageId() == null ? null : event.packageId().toString());
        entry.put("actor", event.actor());
        entry.put("details", event.details());
        return entry;
    }

    /**
     * Waits for the previous appender's (or checkpoint issuer's) transaction to end; held until this one ends. The
     * tree size read after it is stable for the rest of the transaction.
     */
    static void lockAppends(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM audit_append_lock WHERE id = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_append_lock has lost its row; the schema is damaged");
            }
        }
    }
}
