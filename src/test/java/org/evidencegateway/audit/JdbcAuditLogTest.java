package org.evidencegateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        }
    }
}
