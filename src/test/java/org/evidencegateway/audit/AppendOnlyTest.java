package org.evidencegateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.evidencegateway.store.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The database itself refuses to change or remove what the audit log holds (docs/audit-log.md §8). */
class AppendOnlyTest {
    static Stream<Arguments> statements() {
        return TestDatabases.all().flatMap(kind -> Stream.of(
                Arguments.of(kind, "UPDATE audit_entries SET entry_json = '{}' WHERE seq = 1"),
                Arguments.of(kind, "DELETE FROM audit_entries WHERE seq = 2"),
                Arguments.of(kind, "UPDATE audit_nodes SET hash = REPEAT('0', 64) WHERE level = 0 AND idx = 0"),
                Arguments.of(kind, "DELETE FROM audit_nodes"),
                Arguments.of(kind, "UPDATE audit_checkpoints SET note = 'x'"),
                Arguments.of(kind, "DELETE FROM audit_checkpoints"),
                Arguments.of(kind, "DELETE FROM audit_timestamps")));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void database_refusesUpdateAndDeleteOnTheLedgerTables(TestDatabases.Kind kind, String sql) throws Exception {
        try (TestLedger ledger = new TestLedger(kind)) {
            ledger.appendAndTick(10);
            long before = JdbcAuditLogTest.count(ledger.tx, "audit_nodes") + JdbcAuditLogTest.count(ledger.tx, "audit_timestamps");

            try (Connection c = ledger.db.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate(sql)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit log is append-only");
            }

            assertThat(JdbcAuditLogTest.count(ledger.tx, "audit_nodes")
                    + JdbcAuditLogTest.count(ledger.tx, "audit_timestamps")).isEqualTo(before);
            assertThat(JdbcAuditLogTest.count(ledger.tx, "audit_timestamps")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.evidencegateway.audit.JdbcAuditLogTest#databases")
    void postgresql_refusesTruncate_h2_refusesItsDeletes(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = new TestLedger(kind)) {
            ledger.append(3);
            String sql = kind == TestDatabases.Kind.POSTGRESQL ? "TRUNCATE audit_entries CASCADE"
                    : "DELETE FROM audit_entries";
            try (Connection c = ledger.db.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).hasMessageContaining("append-only");
            }
            assertThat(JdbcAuditLogTest.count(ledger.tx, "audit_entries")).isEqualTo(3);
        }
    }
}
