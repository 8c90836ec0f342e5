package org.evidencegateway.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.store.Transactions;
import org.evidencegateway.trust.TestPki;

/**
 * A ledger on a fresh test database with in-memory keys: append synthetic package trails, tick the checkpoint
 * scheduler, export, and tamper the tables the way a DBA would (append-only triggers dropped or disabled first).
 */
public final class TestLedger implements AutoCloseable {
    public final TestDatabases.Kind kind;
    public final HikariDataSource db;
    public final Transactions tx;
    public final MutableClock clock = new MutableClock(TestPki.NOW);
    public final JdbcAuditLog log = new JdbcAuditLog();
    public final CheckpointScheduler scheduler;
    public final List<UUID> packages = new ArrayList<>();

    public TestLedger(TestDatabases.Kind kind, TimestampAuthority tsa, int maxEntries) {
        this.kind = kind;
        this.db = TestDatabases.fresh(kind);
        this.tx = new Transactions(db);
        this.scheduler = new CheckpointScheduler(tx, LedgerKeys.shared().signer(), new Timestamper(tsa), clock,
                Duration.ofSeconds(60), maxEntries);
    }

    public TestLedger(TestDatabases.Kind kind) {
        this(kind, new EmbeddedTsa(LedgerKeys.shared().tsa(), new MutableClock(TestPki.NOW)), 10);
    }

    /** Appends {@code count} entries, one per transaction, three per package (received, accepted, queued). */
    public void append(int count) {
        AuditEventType[] trail = {AuditEventType.PACKAGE_RECEIVED, AuditEventType.PACKAGE_ACCEPTED,
                AuditEventType.PACKAGE_QUEUED};
        for (int i = 0; i < count; i++) {
            long seq = JdbcAuditLogTest.count(tx, "audit_entries");
            if (seq % 3 == 0) {
                packages.add(new UUID(0x5eed, seq));
            }
            UUID pkg = packages.get(packages.size() - 1);
            clock.advance(Duration.ofSeconds(1));
            AuditEvent event = new AuditEvent(trail[(int) (seq % 3)], clock.instant(), pkg, "kz-mvd",
                    Map.of("packageSha256", String.format("%064x", seq)));
            tx.inTransaction(c -> log.append(c, event));
        }
    }

    /** Appends and ticks after every entry, so that a checkpoint is issued every {@code maxEntries}. */
    public void appendAndTick(int count) {
        for (int i = 0; i < count; i++) {
            append(1);
            scheduler.tick();
        }
    }

    public Path export(Path dir) throws IOException, SQLException {
        try (Connection c = db.getConnection()) {
            new AuditExporter(LedgerKeys.shared().signer(), clock).export(c, dir);
        }
        return dir;
    }

    /** Runs SQL as an attacker with DBA rights: the append-only triggers of {@code table} are out of the way first. */
    public void tamper(String table, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            if (kind == TestDatabases.Kind.POSTGRESQL) {
                s.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_append_only");
            } else {
                s.execute("DROP TRIGGER " + table + "_append_only");
            }
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() {
        db.close();
    }

}
