package org.evidencegateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;

/**
 * Runs work in one database transaction: committed if the work returns, rolled back if it throws. State changes
 * and the audit entries that record them share a transaction this way, so neither exists without the other.
 */
public final class Transactions {
    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work done with one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new CodedException(ErrorCode.IO_STORAGE, e, "database: " + e.getMessage());
        }
    }
}
