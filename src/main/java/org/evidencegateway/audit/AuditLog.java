package org.evidencegateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where every state change is recorded. Callers append inside the database transaction that makes the change,
 * so a change and its entry (with the Merkle tree nodes that commit to it) commit, or vanish, together. The
 * connection stays the caller's: the log neither commits, rolls back nor closes it.
 */
public interface AuditLog {
    /**
     * Appends one entry in the caller's transaction.
     *
     * @return the entry's sequence number (its leaf index in the log)
     */
    default long append(Connection transaction, AuditEvent event) throws SQLException {
        return appendAll(transaction, List.of(event))[0];
    }

    /**
     * Appends entries in the caller's transaction, in list order, with consecutive sequence numbers.
     *
     * @return the sequence number of each event, in the same order
     */
    long[] appendAll(Connection transaction, List<AuditEvent> events) throws SQLException;
}
