package org.evidencegateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The notifications of evidences still to be pushed to the parties' callbacks (table {@code callback_outbox}). A row
 * is PENDING until its party answered 2xx (DONE) or the notifier gave up (ABANDONED). Every method takes the
 * connection of a transaction opened by {@link Transactions}.
 */
public final class CallbackOutbox {
    /** The state of one notification. */
    public enum State { PENDING, DONE, ABANDONED }

    /**
     * A notification that is due.
     *
     * @param attempts attempts made before this one
     * @param signed   the signed evidence (DER)
     */
    public record Due(UUID evidenceId, String partyId, UUID packageId, int attempts, byte[] signed) {
    }

    /** A notification as stored, for tests and operators; {@code nextAttemptAt} is null before the first attempt. */
    public record Row(UUID evidenceId, String partyId, State state, int attempts, Instant nextAttemptAt,
                      String lastError) {
    }

    /** Adds a PENDING notification of {@code evidenceId} for each of {@code partyIds}, due at once. */
    public void add(Connection c, UUID evidenceId, List<String> partyIds) throws SQLException {
        if (partyIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO callback_outbox "
                + "(evidence_id, party_id, state, attempts) VALUES (?, ?, ?, 0)")) {
            for (String party : partyIds) {
                s.setString(1, evidenceId.toString());
                s.setString(2, party);
                s.setString(3, State.PENDING.name());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** At most {@code limit} PENDING notifications due at {@code now}: new ones first, in the order written. */
    public List<Due> due(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT o.evidence_id, o.party_id, e.package_id, o.attempts, "
                + "e.signed_base64 FROM callback_outbox o JOIN evidences e ON e.evidence_id = o.evidence_id "
                + "WHERE o.state = ? AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) "
                + "ORDER BY o.next_attempt_at NULLS FIRST, o.notification_id "
                + "FETCH FIRST " + limit + " ROWS ONLY")) {
            s.setString(1, State.PENDING.name());
            s.setObject(2, utc(now));
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(UUID.fromString(rs.getString(1)), rs.getString(2),
                            UUID.fromString(rs.getString(3)), rs.getInt(4),
                            Base64.getDecoder().decode(rs.getString(5))));
                }
            }
            return due;
        }
    }

    /** Records an attempt: the new state, the attempts made so far, when to try next and why the last one failed. */
    public void attempted(Connection c, Due due, State state, Instant nextAttemptAt, String error)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE callback_outbox SET state = ?, attempts = ?, "
                + "next_attempt_at = ?, last_error = ? WHERE evidence_id = ? AND party_id = ?")) {
            s.setString(1, state.name());
            s.setInt(2, due.attempts() + 1);
            s.setObject(3, utc(nextAttemptAt));
            s.setString(4, error == null ? null : error.substring(0, Math.min(error.length(), 1024)));
            s.setString(5, due.evidenceId().toString());
            s.setString(6, due.partyId());
            s.executeUpdate();
        }
    }

    /** Every notification of {@code evidenceId}, by party id. */
    public List<Row> of(Connection c, UUID evidenceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT evidence_id, party_id, state, attempts, "
                + "next_attempt_at, last_error FROM callback_outbox WHERE evidence_id = ? ORDER BY notification_id")) {
            s.setString(1, evidenceId.toString());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(UUID.fromString(rs.getString(1)), rs.getString(2),
                            State.valueOf(rs.getString(3)), rs.getInt(4),
                            nullableInstant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6)));
                }
            }
            return rows;
        }
    }

    private static Instant nullableInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
