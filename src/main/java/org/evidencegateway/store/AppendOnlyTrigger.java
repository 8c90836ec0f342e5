package org.evidencegateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 row trigger that refuses every UPDATE and DELETE on the audit log's tables (the PostgreSQL side is PL/pgSQL). */
public final class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " on "
                + table + " refused", "42501");
    }
}
