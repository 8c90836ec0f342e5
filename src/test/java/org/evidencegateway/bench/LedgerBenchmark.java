package org.evidencegateway.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.evidencegateway.audit.AuditEvent;
import org.evidencegateway.audit.AuditEventType;
import org.evidencegateway.audit.AuditExporter;
import org.evidencegateway.audit.CheckpointScheduler;
import org.evidencegateway.audit.EmbeddedTsa;
import org.evidencegateway.audit.JdbcAuditLog;
import org.evidencegateway.audit.LedgerKeys;
import org.evidencegateway.audit.LedgerReader;
import org.evidencegateway.audit.Timestamper;
import org.evidencegateway.audit.format.ProofBuilder;
import org.evidencegateway.audit.format.Proofs;
import org.evidencegateway.auditor.AuditorTrust;
import org.evidencegateway.auditor.ExportVerifier;
import org.evidencegateway.auditor.VerificationReport;
import org.evidencegateway.store.Database;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.store.Transactions;

/**
 * The audit ledger's figures for docs/performance.md, on an H2 file database and the embedded PostgreSQL:
 * single appends (one transaction each), batched appends, inclusion-proof latency and independent verification
 * throughput of an export, at {@code -Dbench.ledger.entries} (default 1M) synthetic entries. Run on demand:
 * {@code mvn -Pbench-ledger verify}.
 */
public final class LedgerBenchmark {
    private static final int SINGLE = Integer.getInteger("bench.ledger.single", 5_000);
    private static final int BATCH = Integer.getInteger("bench.ledger.batch", 1_000);
    private static final int PROOFS = 2_000;

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long entries = Long.getLong("bench.ledger.entries", 1_000_000);
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench-ledger"));
        Files.createDirectories(dir);
        List<String> rows = new ArrayList<>();
        rows.add("| database | entries | single appends/s | batched appends/s (" + BATCH + "/tx) | inclusion proof p50 / p99 "
                + "| export | verify (entries/s) |");
        rows.add("|---|---|---|---|---|---|---|");
        String only = System.getProperty("bench.ledger.databases", "H2,POSTGRESQL");
        for (String kind : only.split(",")) {
            Path work = dir.resolve(kind.toLowerCase());
            try (HikariDataSource db = open(TestDatabases.Kind.valueOf(kind), work)) {
                rows.add(run(kind, db, entries, work));
            }
        }
        rows.forEach(System.out::println);
        Files.write(dir.resolve("results.md"), rows);
        System.exit(0);
    }

    private static HikariDataSource open(TestDatabases.Kind kind, Path work) throws Exception {
        if (kind == TestDatabases.Kind.POSTGRESQL) {
            return TestDatabases.fresh(kind);
        }
        deleteTree(work);
        return Database.open("jdbc:h2:file:" + work.toAbsolutePath().resolve("db/ledger"), "sa", "");
    }

    private static String run(String kind, HikariDataSource db, long entries, Path work) throws Exception {
        Transactions tx = new Transactions(db);
        JdbcAuditLog log = new JdbcAuditLog();
        CheckpointScheduler checkpoints = new CheckpointScheduler(tx, LedgerKeys.shared().signer(),
                new Timestamper(new EmbeddedTsa(LedgerKeys.shared().tsa(), Clock.systemUTC())), Clock.systemUTC(),
                Duration.ofHours(1), Long.MAX_VALUE);

        long t0 = System.nanoTime();
        for (int i = 0; i < SINGLE; i++) {
            long seq = i;
            tx.inTransaction(c -> log.append(c, event(seq)));
        }
        double single = SINGLE / seconds(t0);
        System.out.printf("%s: %d single appends, %.0f/s%n", kind, SINGLE, single);

        long t1 = System.nanoTime();
        long done = SINGLE;
        while (done < entries) {
            int n = (int) Math.min(BATCH, entries - done);
            List<AuditEvent> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(event(done + i));
            }
            tx.inTransaction(c -> log.appendAll(c, batch));
            done += n;
            if (done % (entries / 10) < BATCH) {
                checkpoints.issueNow();
                System.out.printf("%s: %d entries, %.0f/s batched%n", kind, done, (done - SINGLE) / seconds(t1));
            }
        }
        double batched = (entries - SINGLE) / seconds(t1);
        checkpoints.issueNow();

        String proofLatency = proofLatency(db, entries);
        Path export = work.resolve("export");
        deleteTree(export);
        long t2 = System.nanoTime();
        try (Connection c = db.getConnection()) {
            new AuditExporter(LedgerKeys.shared().signer(), Clock.systemUTC()).export(c, export);
        }
        double exportSeconds = seconds(t2);
        long t3 = System.nanoTime();
        VerificationReport report = new ExportVerifier(new AuditorTrust(LedgerKeys.shared().gateway().certificate(),
                LedgerKeys.shared().root().certificate(), false)).verify(export);
        double verifySeconds = seconds(t3);
        if (!report.verified()) {
            throw new IllegalStateException("the benchmark's own log does not verify:\n" + report.text());
        }
        System.out.print(report.text());
        return String.format("| %s | %,d | %,.0f | %,.0f | %s | %.1f s | %,.0f (%.1f s, %d checkpoints) |", kind,
                entries, single, batched, proofLatency, exportSeconds, entries / verifySeconds, verifySeconds,
                report.checkpoints());
    }

    /** Inclusion proofs of random leaves against the full tree, read from the database and verified. */
    private static String proofLatency(HikariDataSource db, long size) throws Exception {
        Random random = new Random(42);
        long[] nanos = new long[PROOFS];
        try (Connection c = db.getConnection()) {
            ProofBuilder proofs = LedgerReader.proofs(c);
            byte[] root = proofs.root(size);
            for (int i = 0; i < PROOFS; i++) {
                long leaf = Math.floorMod(random.nextLong(), size);
                long t = System.nanoTime();
                List<byte[]> proof = proofs.inclusion(leaf, size);
                nanos[i] = System.nanoTime() - t;
                Proofs.verifyInclusion(leaf, size, LedgerReader.node(c, 0, leaf), proof, root);
            }
        }
        Arrays.sort(nanos);
        return String.format("%.2f / %.2f ms", nanos[PROOFS / 2] / 1e6, nanos[PROOFS * 99 / 100] / 1e6);
    }

    private static AuditEvent event(long i) {
        return new AuditEvent(AuditEventType.values()[(int) (i % 8)], Instant.parse("2026-03-01T10:00:00Z").plusMillis(i),
                new UUID(0xbe4c, i / 8), i % 2 == 0 ? "kz-mvd" : "ua-npu",
                Map.of("packageSha256", String.format("%064x", i), "manifestSha256", String.format("%064x", i * 31)));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
