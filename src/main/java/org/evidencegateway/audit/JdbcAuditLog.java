package org.evidencegateway.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evidencegateway.json.CanonicalJson;

/**
 * The audit log as an append-only table of canonical-JSON entries with gap-free sequence numbers. Appends are
 * serialized by the one-row sequence table, so numbers have no gaps and no duplicates across connections.
 */
public final class JdbcAuditLog implements AuditLog {
    @Override
    public long append(Connection c, AuditEvent event) throws SQLException {
        long seq = nextSequence(c);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_events "
                + "(seq, event_time, event_type, package_id, entry_json) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setObject(2, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
            s.setString(3, event.type().name());
            s.setString(4, event.packageId() == null ? null : event.packageId().toString());
            s.setString(5, new String(CanonicalJson.bytes(entry(seq, event)), StandardCharsets.UTF_8));
            s.executeUpdate();
        }
        return seq;
    }

    /** The canonical form of an entry: the event plus its sequence number. */
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

    private static long nextSequence(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE audit_sequence SET next_seq = next_seq + 1")) {
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT next_seq - 1 FROM audit_sequence");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
