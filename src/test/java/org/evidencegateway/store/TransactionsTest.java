package org.evidencegateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evidencegateway.store.ObservedDataSource.COMMIT;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionsTest {
    private static final String SYNC = "CHECKPOINT SYNC";

    static Stream<TestDatabases.Kind> databases() {
        return TestDatabases.all();
    }

    /** What follows a writing commit: a sync of the file on H2 (whose commit does not force it), nothing else. */
    private static List<String> durableCommit(TestDatabases.Kind kind) {
        return kind == TestDatabases.Kind.H2 ? List.of(COMMIT, SYNC) : List.of(COMMIT);
    }

    /** The two ways to write: a transaction of one's own, or a share of a group commit. */
    enum Way { OWN_TRANSACTION, GROUP_COMMIT }

    static Stream<Arguments> writes() {
        return TestDatabases.all().flatMap(kind -> Stream.of(Way.values()).map(way -> Arguments.of(kind, way)));
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writes_returnOnlyOnceTheirCommitIsForcedToDisk(TestDatabases.Kind kind, Way way) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            List<String> log = new ArrayList<>();
            Transactions tx = new Transactions(ObservedDataSource.of(db, log, false));

            if (way == Way.OWN_TRANSACTION) {
                tx.inTransaction(TransactionsTest::write);
            } else {
                tx.inGroupCommit(TransactionsTest::write);
            }

            assertThat(log).containsExactlyElementsOf(durableCommit(kind));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reading_doesNotWaitForTheDisk(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            List<String> log = new ArrayList<>();
            Transactions tx = new Transactions(ObservedDataSource.of(db, log, false));

            tx.reading(c -> c.createStatement().executeQuery("SELECT 1").next());

            assertThat(log).containsExactly(COMMIT);
        }
    }

    private static Object write(Connection c) throws java.sql.SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE durable_test (v INT)");
        }
        return null;
    }
}
