package org.evidencegateway.audit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where every state change is recorded. Callers append inside the database transaction that makes the change,
 * so a change and its entry commit (or vanish) together.
 */
public interface AuditLog {
    /**
     * Appends one entry in the caller's transaction.
     *
     * @return the entry's sequence number (its index in the log)
     */
    long append(Connection transaction, AuditEvent event) throws SQLException;
}
