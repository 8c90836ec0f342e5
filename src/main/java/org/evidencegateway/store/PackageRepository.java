package org.evidencegateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.SignedEvidence;

/**
 * Package records, their timelines and their signed evidences in the gateway database. Every method takes the
 * connection of a transaction opened by {@link Transactions}, so callers decide what commits together.
 */
public final class PackageRepository {
    private static final String COLUMNS = "package_id, package_sha256, package_size, manifest_sha256, kind, "
            + "case_reference, submitter, sender, recipient, status, received_at, store_ref";

    private final EvidenceSubscribers subscribers;
    private final CallbackOutbox outbox = new CallbackOutbox();

    /** A repository that notifies nobody of evidences. */
    public PackageRepository() {
        this(EvidenceSubscribers.NONE);
    }

    /** A repository that queues a callback notification for each of the {@code subscribers} of a saved evidence. */
    public PackageRepository(EvidenceSubscribers subscribers) {
        this.subscribers = subscribers;
    }

    /**
     * Inserts a new package with the first event of its timeline.
     *
     * @return false if a package with this id exists already (nothing is written)
     */
    public boolean insert(Connection c, PackageRecord r, String detail) throws SQLException {
        if (find(c, r.packageId()).isPresent()) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO packages (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.packageId().toString());
            s.setString(2, r.packageSha256());
            s.setLong(3, r.packageSize());
            s.setString(4, r.manifestSha256());
            s.setString(5, r.kind());
            s.setString(6, r.caseReference());
            s.setString(7, r.submitter());
            s.setString(8, r.sender());
            s.setString(9, r.recipient());
            s.setString(10, r.status().name());
            s.setObject(11, utc(r.receivedAt()));
            s.setString(12, r.storeRef());
            s.executeUpdate();
        }
        addEvent(c, r.packageId(), r.status(), r.receivedAt(), detail);
        return true;
    }

    public Optional<PackageRecord> find(Connection c, UUID packageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM packages WHERE package_id = ?")) {
            s.setString(1, packageId.toString());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The earliest package of the same recipient and case reference as {@code r} that was recorded before it and has
     * not reached a final status (one its delivery waits for), if any.
     */
    public Optional<UUID> earlierUnfinishedOfCase(Connection c, PackageRecord r) throws SQLException {
        String finals = Arrays.stream(PackageStatus.values()).filter(PackageStatus::isFinal)
                .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));
        try (PreparedStatement s = c.prepareStatement("SELECT p.package_id FROM packages p"
                + " JOIN package_events e ON e.package_id = p.package_id"
                + " WHERE p.recipient = ? AND p.case_reference = ? AND p.package_id <> ? AND p.status NOT IN (" + finals
                + ") AND e.event_id < (SELECT MIN(event_id) FROM package_events WHERE package_id = ?)"
                + " ORDER BY e.event_id FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, r.recipient());
            s.setString(2, r.caseReference());
            s.setString(3, r.packageId().toString());
            s.setString(4, r.packageId().toString());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(UUID.fromString(rs.getString(1))) : Optional.empty();
            }
        }
    }

    public List<PackageRecord> withStatus(Connection c, PackageStatus status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM packages WHERE status = ? ORDER BY received_at")) {
            s.setString(1, status.name());
            List<PackageRecord> records = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(record(rs));
                }
            }
            return records;
        }
    }

    /** Locks the package's row until the transaction ends: callers that must not interleave take it first. */
    public void lock(Connection c, UUID packageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM packages WHERE package_id = ? FOR UPDATE")) {
            s.setString(1, packageId.toString());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no package " + packageId);
                }
            }
        }
    }

    /**
     * Moves a package forward to {@code status} unless it is there or beyond already — ingest and delivery run
     * concurrently, and the later stage may record its step first — and records the step in its timeline either way.
     *
     * @return whether the status changed
     */
    public boolean advanceStatus(Connection c, UUID packageId, PackageStatus status, Instant time, String detail)
            throws SQLException {
        List<PackageStatus> earlier = Arrays.stream(PackageStatus.values()).filter(s -> s.mayAdvanceTo(status))
                .toList();
        String placeholders = String.join(", ", earlier.stream().map(s -> "?").toList());
        int changed = 0;
        if (!earlier.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE packages SET status = ? WHERE package_id = ? "
                    + "AND status IN (" + placeholders + ")")) {
                s.setString(1, status.name());
                s.setString(2, packageId.toString());
                for (int i = 0; i < earlier.size(); i++) {
                    s.setString(3 + i, earlier.get(i).name());
                }
                changed = s.executeUpdate();
            }
        }
        if (changed == 0 && find(c, packageId).isEmpty()) {
            throw new SQLException("no package " + packageId);
        }
        addEvent(c, packageId, status, time, detail);
        return changed == 1;
    }

    /**
     * Returns a package whose delivery failed to {@link PackageStatus#DELIVERING}, because an operator replays its
     * dead letter, and records the step in its timeline.
     *
     * @return false if the package is not in a status that {@linkplain PackageStatus#mayBeReplayed may be replayed}
     *         (nothing is written)
     */
    public boolean reopenDelivery(Connection c, UUID packageId, Instant time, String detail) throws SQLException {
        List<String> replayable = Arrays.stream(PackageStatus.values()).filter(PackageStatus::mayBeReplayed)
                .map(Enum::name).toList();
        int changed;
        try (PreparedStatement s = c.prepareStatement("UPDATE packages SET status = ? WHERE package_id = ? "
                + "AND status IN (" + String.join(", ", replayable.stream().map(r -> "?").toList()) + ")")) {
            s.setString(1, PackageStatus.DELIVERING.name());
            s.setString(2, packageId.toString());
            for (int i = 0; i < replayable.size(); i++) {
                s.setString(3 + i, replayable.get(i));
            }
            changed = s.executeUpdate();
        }
        if (changed == 1) {
            addEvent(c, packageId, PackageStatus.DELIVERING, time, detail);
        }
        return changed == 1;
    }

    /** Records a step in a package's timeline that leaves its status as it is (an operator's note, say). */
    public void note(Connection c, UUID packageId, PackageStatus status, Instant time, String detail)
            throws SQLException {
        addEvent(c, packageId, status, time, detail);
    }

    public List<PackageEvent> timeline(Connection c, UUID packageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status, event_time, detail FROM package_events "
                + "WHERE package_id = ? ORDER BY event_id")) {
            s.setString(1, packageId.toString());
            List<PackageEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new PackageEvent(PackageStatus.valueOf(rs.getString(1)), instant(rs, 2), rs.getString(3)));
                }
            }
            return events;
        }
    }

    /** Keeps an evidence, listed under the package it is about. */
    public void saveEvidence(Connection c, SignedEvidence evidence) throws SQLException {
        saveEvidence(c, evidence, evidence.statement().packageId());
    }

    /**
     * Keeps an evidence, listed under {@code listedUnder} (null: under no package), and, for an evidence listed under
     * its package, queues its notification to every subscriber in the same transaction.
     */
    public void saveEvidence(Connection c, SignedEvidence evidence, UUID listedUnder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO evidences "
                + "(evidence_id, package_id, evidence_type, event_time, signed_base64) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, evidence.statement().evidenceId().toString());
            s.setString(2, listedUnder == null ? null : listedUnder.toString());
            s.setString(3, evidence.statement().evidenceType().id());
            s.setObject(4, utc(evidence.statement().eventTime()));
            s.setString(5, Base64.getEncoder().encodeToString(evidence.signed()));
            s.executeUpdate();
        }
        Evidence statement = evidence.statement();
        if (listedUnder != null && statement.sender() != null && statement.recipient() != null) {
            outbox.add(c, statement.evidenceId(), subscribers.of(statement.sender().agency(),
                    statement.recipient().agency()));
        }
    }

    /** The signed evidences (DER) issued for a package, oldest first. */
    public List<byte[]> evidences(Connection c, UUID packageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT signed_base64 FROM evidences WHERE package_id = ? "
                + "ORDER BY event_time, evidence_id")) {
            s.setString(1, packageId.toString());
            List<byte[]> evidences = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    evidences.add(Base64.getDecoder().decode(rs.getString(1)));
                }
            }
            return evidences;
        }
    }

    private static void addEvent(Connection c, UUID packageId, PackageStatus status, Instant time, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO package_events "
                + "(package_id, status, event_time, detail) VALUES (?, ?, ?, ?)")) {
            s.setString(1, packageId.toString());
            s.setString(2, status.name());
            s.setObject(3, utc(time));
            s.setString(4, detail);
            s.executeUpdate();
        }
    }

    private static PackageRecord record(ResultSet rs) throws SQLException {
        return new PackageRecord(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                PackageStatus.valueOf(rs.getString(10)), instant(rs, 11), rs.getString(12));
    }

    private static OffsetDateTime utc(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
