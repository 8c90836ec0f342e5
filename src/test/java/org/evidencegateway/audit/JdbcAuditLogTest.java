package org.evidencegateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.evidencegateway.audit.format.CompactRange;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.ProofBuilder;
import org.evidencegateway.audit.format.Proofs;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.store.Transactions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcAuditLogTest {
    private final JdbcAuditLog log = new JdbcAuditLog();

    static java.util.stream.Stream<TestDatabases.Kind> databases() {
        return TestDatabases.all();
    }

    static AuditEvent event(int i) {
        return new AuditEvent(AuditEventType.PACKAGE_RECEIVED, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i),
                UUID.randomUUID(), "kz-mvd", Map.of("packageSha256", "ab".repeat(32)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void append_numbersEntriesWithoutGapsOrDuplicates_underConcurrentWriters(TestDatabases.Kind kind) throws Exception {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Long>> appends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                appends.add(pool.submit(() -> tx.inTransaction(c -> log.append(c, event(n)))));
            }
            List<Long> sequence = new ArrayList<>();
            for (Future<Long> f : appends) {
                sequence.add(f.get());
            }
            pool.shutdown();

            assertThat(sequence).doesNotHaveDuplicates().hasSize(40);
            assertThat(sequence.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(39);
            String storedRoot = tx.inTransaction(c -> LogHashes.hex(LedgerReader.proofs(c).root(40)));
            assertThat(storedRoot).as("the stored tree after concurrent appends is the tree of the stored entries")
                    .isEqualTo(LogHashes.hex(recomputedRoot(tx, 40)));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void append_storesEveryCompleteSubtree_soEveryRootAndProofMatchesTheEntries(TestDatabases.Kind kind)
            throws Exception {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            tx.inTransaction(c -> log.append(c, event(0)));
            tx.inTransaction(c -> log.appendAll(c, IntStream.range(1, 20).mapToObj(JdbcAuditLogTest::event).toList()));
            for (int i = 20; i < 37; i++) {
                int n = i;
                tx.inTransaction(c -> log.append(c, event(n)));
            }

            List<byte[]> leaves = leafHashes(tx);
            CompactRange range = new CompactRange();
            List<byte[]> roots = new ArrayList<>(List.of(range.root()));
            leaves.forEach(leaf -> {
                range.append(leaf);
                roots.add(range.root());
            });
            try (var c = db.getConnection()) {
                ProofBuilder proofs = LedgerReader.proofs(c);
                for (int n = 1; n <= 37; n++) {
                    assertThat(proofs.root(n)).as("root of size %d", n).isEqualTo(roots.get(n));
                    for (int m = 0; m < n; m++) {
                        Proofs.verifyInclusion(m, n, leaves.get(m), proofs.inclusion(m, n), roots.get(n));
                        Proofs.verifyConsistency(m, n, proofs.consistency(m, n), roots.get(m), roots.get(n));
                    }
                }
            }
            assertThat(count(tx, "audit_nodes")).as("2n - popcount(n) complete subtrees").isEqualTo(2 * 37 - 3);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void append_inATransactionThatRollsBack_leavesNoEntryAndNoNodes(TestDatabases.Kind kind) throws Exception {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            tx.inTransaction(c -> log.appendAll(c, List.of(event(0), event(1), event(2))));
            long entriesBefore = count(tx, "audit_entries");
            long nodesBefore = count(tx, "audit_nodes");

            assertThatThrownBy(() -> tx.inTransaction(c -> {
                log.append(c, event(3));
                throw new SQLException("the package state change failed after its audit entry");
            })).hasMessageContaining("state change failed");

            assertThat(count(tx, "audit_entries")).isEqualTo(entriesBefore);
            assertThat(count(tx, "audit_nodes")).isEqualTo(nodesBefore);
            long next = tx.inTransaction(c -> log.append(c, event(4)));
            assertThat(next).as("the next entry reuses the number").isEqualTo(3);
            String storedRoot = tx.inTransaction(c -> LogHashes.hex(LedgerReader.proofs(c).root(4)));
            assertThat(storedRoot).isEqualTo(LogHashes.hex(recomputedRoot(tx, 4)));
        }
    }

    static long count(Transactions tx, String table) {
        return tx.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Leaf hashes recomputed from the stored entry bytes, not read from the tree. */
    static List<byte[]> leafHashes(Transactions tx) {
        return tx.inTransaction(c -> {
            List<byte[]> leaves = new ArrayList<>();
            LedgerReader.entries(c, 0, Long.MAX_VALUE,
                    e -> leaves.add(LogHashes.leaf(e.json().getBytes(StandardCharsets.UTF_8))));
            return leaves;
        });
    }

    static byte[] recomputedRoot(Transactions tx, int size) {
        CompactRange range = new CompactRange();
        leafHashes(tx).subList(0, size).forEach(range::append);
        return range.root();
    }

}
