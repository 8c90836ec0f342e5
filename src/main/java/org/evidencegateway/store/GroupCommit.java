package org.evidencegateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Group commit: units of work handed in at about the same time by different threads run one after another in one
 * transaction, each inside its own savepoint, and are made durable by one commit. A unit that throws is undone alone
 * (rolled back to its savepoint) and only its caller sees the exception; if the commit (or what must follow it to
 * make it durable) fails, every caller of the group does. No caller returns before the commit that holds its work is
 * durable.
 *
 * <p>Whoever holds the commit lock runs the work of everyone waiting — there is no thread of its own — so a caller
 * waits at most for the group before its own. Audit appends serialise on one lock held until commit; run one at a
 * time, each state change with its entries would wait for a commit of its own.
 *
 * <p>Units must only use the connection they are given, must be short, and must not start another transaction.
 */
final class GroupCommit {
    private final DataSource dataSource;
    private final int maxUnits;
    private final AfterCommit afterCommit;
    private final Queue<Unit<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commitLock = new ReentrantLock();

    /** What runs once a group's commit succeeded, before its callers return (making the commit durable). */
    @FunctionalInterface
    interface AfterCommit {
        void run(Connection committed) throws SQLException;
    }

    GroupCommit(DataSource dataSource, int maxUnits, AfterCommit afterCommit) {
        this.dataSource = dataSource;
        this.maxUnits = maxUnits;
        this.afterCommit = afterCommit;
    }

    /** Runs {@code work} in the next group; returns its result once the group is committed. */
    <T> T run(Transactions.Work<T> work) throws SQLException {
        Unit<T> mine = new Unit<>(work);
        waiting.add(mine);
        while (!mine.settled()) {
            commitLock.lock();
            try {
                if (!mine.settled()) {
                    commit(nextGroup());
                }
            } finally {
                commitLock.unlock();
            }
        }
        return mine.outcome();
    }

    /** How many units wait for a group (for tests). */
    int waitingUnits() {
        return waiting.size();
    }

    private List<Unit<?>> nextGroup() {
        List<Unit<?>> group = new ArrayList<>();
        for (Unit<?> unit = waiting.poll(); unit != null; unit = group.size() < maxUnits ? waiting.poll() : null) {
            group.add(unit);
        }
        return group;
    }

    private void commit(List<Unit<?>> group) {
        if (group.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Unit<?> unit : group) {
                    unit.runIn(c);
                }
                c.commit();
                afterCommit.run(c);
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            group.forEach(Unit::settle);
        } catch (SQLException | RuntimeException | Error e) {
            group.forEach(unit -> unit.fail(e));
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** One caller's work, its result or failure, and whether its group has ended. */
    private static final class Unit<T> {
        private final Transactions.Work<T> work;
        private T result;
        private Throwable failure;
        private volatile boolean settled;

        Unit(Transactions.Work<T> work) {
            this.work = work;
        }

        /** Runs the work inside a savepoint; a failure of the work is kept and its changes undone. */
        void runIn(Connection c) throws SQLException {
            Savepoint savepoint = c.setSavepoint();
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                failure = e;
                return;
            }
            c.releaseSavepoint(savepoint);
        }

        void settle() {
            settled = true;
        }

        void fail(Throwable groupFailure) {
            failure = failure != null ? failure : groupFailure;
            result = null;
            settled = true;
        }

        boolean settled() {
            return settled;
        }

        T outcome() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
