package org.evidencegateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroupCommitTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(5);
    /** The connection each unit (by its value) was given: one connection, one transaction. */
    private final Map<Integer, Connection> connectionOf = new ConcurrentHashMap<>();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    static java.util.stream.Stream<TestDatabases.Kind> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void groupCommit_undoesOnlyTheUnitsThatFail_andCommitsTheRestInOneTransaction(TestDatabases.Kind kind)
            throws Exception {
        try (HikariDataSource db = withTable(kind)) {
            GroupCommit group = new GroupCommit(db, 64, c -> { });
            group.run(c -> insert(c, 0));
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> blocker = running(group, release);

            // Given four callers waiting while another's work runs: one whose insert breaks the primary key, one whose
            // work throws after its insert
            Future<Integer> first = callers.submit(() -> group.run(c -> insert(c, 1)));
            Future<Integer> duplicate = callers.submit(() -> group.run(c -> insert(c, 0)));
            Future<Integer> refused = callers.submit(() -> group.run(c -> {
                insert(c, 3);
                throw new IllegalStateException("refused after its insert");
            }));
            Future<Integer> second = callers.submit(() -> group.run(c -> insert(c, 2)));
            awaitWaiting(group, 4);

            // When the running work ends
            release.countDown();

            // Then the waiting work ran as one group: the two that held are committed, the two that failed are undone
            // and only their callers see why
            assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
            assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("refused after its insert");
            assertThat(values(db)).containsExactly(0, 1, 2, 10);
            assertThat(connectionOf.get(1)).isSameAs(connectionOf.get(2)).isSameAs(connectionOf.get(3))
                    .isNotSameAs(connectionOf.get(10));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void groupCommit_takesAtMostItsLimit_perCommit(TestDatabases.Kind kind) throws Exception {
        try (HikariDataSource db = withTable(kind)) {
            GroupCommit group = new GroupCommit(db, 2, c -> { });
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> blocker = running(group, release);
            List<Future<Integer>> waiting = new ArrayList<>();
            for (int v = 1; v <= 3; v++) {
                int value = v;
                waiting.add(callers.submit(() -> group.run(c -> insert(c, value))));
            }
            awaitWaiting(group, 3);

            release.countDown();

            for (Future<Integer> f : waiting) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(values(db)).containsExactly(1, 2, 3, 10);
            assertThat(connectionOf.values().stream().distinct().count()).as("the blocker's and two groups' connections")
                    .isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void groupCommit_failsItsCallers_andKeepsNothing_whenTheCommitFails(TestDatabases.Kind kind) throws Exception {
        try (HikariDataSource db = withTable(kind)) {
            // Given a database whose commit fails
            GroupCommit group = new GroupCommit(ObservedDataSource.of(db, new ArrayList<>(), true), 64, c -> { });

            // When work is handed in, Then its caller sees the commit's failure and nothing of the work is kept
            assertThatThrownBy(() -> group.run(c -> insert(c, 1))).isInstanceOf(SQLException.class)
                    .hasMessage("commit refused");
            assertThat(values(db)).isEmpty();
        }
    }

    private HikariDataSource withTable(TestDatabases.Kind kind) throws SQLException {
        HikariDataSource db = TestDatabases.fresh(kind);
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE group_commit_test (v INT PRIMARY KEY)");
        }
        return db;
    }

    private int insert(Connection c, int value) throws SQLException {
        connectionOf.put(value, c);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO group_commit_test (v) VALUES (?)")) {
            s.setInt(1, value);
            s.executeUpdate();
        }
        return value;
    }

    private static List<Integer> values(DataSource db) throws SQLException {
        List<Integer> values = new ArrayList<>();
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM group_commit_test ORDER BY v")) {
            while (rs.next()) {
                values.add(rs.getInt(1));
            }
        }
        return values;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Work that holds its group until {@code release}; returns once it runs. */
    private Future<Integer> running(GroupCommit group, CountDownLatch release) {
        CountDownLatch started = new CountDownLatch(1);
        Future<Integer> blocker = callers.submit(() -> group.run(c -> {
            started.countDown();
            await(release);
            return insert(c, 10);
        }));
        await(started);
        return blocker;
    }

    private static void awaitWaiting(GroupCommit group, int units) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.waitingUnits() != units) {
            assertThat(System.nanoTime()).as("%d units waiting", units).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
