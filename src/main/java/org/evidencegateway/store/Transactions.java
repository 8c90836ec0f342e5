package org.evidencegateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;

/**
 * Runs work in one database transaction: committed if the work returns, rolled back if it throws. State changes
 * and the audit entries that record them share a transaction this way, so neither exists without the other. A
 * transaction that may write returns only once its commit is durable ({@link CommitDurability}); one that only
 * reads says so ({@link #reading}) and skips that wait.
 */
public final class Transactions {
    /** The most units one group commit takes; the rest wait for the next. */
    private static final int MAX_GROUP = 64;

    private final DataSource dataSource;
    private final GroupCommit groupCommit;
    private volatile CommitDurability durability;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
        this.groupCommit = new GroupCommit(dataSource, MAX_GROUP, this::makeDurable);
    }

    /** Work done with one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work that may write; returns once its commit is durable. */
    public <T> T inTransaction(Work<T> work) {
        return storage(() -> run(work, true));
    }

    /** Work that only reads. */
    public <T> T reading(Work<T> work) {
        return storage(() -> run(work, false));
    }

    /**
     * Like {@link #inTransaction}, but the work may share its transaction's commit with the work other threads hand
     * in at the same time (each in its own savepoint: a failure undoes only the work that failed). For the short
     * writes that append audit entries on the hot path: one commit, one wait for the disk and one hold of the audit
     * log's append lock serve them all. The work must not start a transaction of its own.
     */
    public <T> T inGroupCommit(Work<T> work) {
        return storage(() -> groupCommit.run(work));
    }

    private <T> T run(Work<T> work, boolean writes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            if (writes) {
                makeDurable(connection);
            }
            return result;
        }
    }

    private void makeDurable(Connection committed) throws SQLException {
        CommitDurability known = durability;
        if (known == null) {
            known = CommitDurability.of(committed);
            durability = known;
        }
        known.afterCommit(committed);
    }

    private interface Storage<T> {
        T run() throws SQLException;
    }

    private static <T> T storage(Storage<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new CodedException(ErrorCode.IO_STORAGE, e, "database: " + e.getMessage());
        }
    }
}
