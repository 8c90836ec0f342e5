package org.evidencegateway.runtime;

import java.sql.Connection;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * Test-only H2 trigger that crashes the JVM the way a power cut would: {@link Runtime#halt} (no shutdown hook, no
 * rollback, no close) right after the audit entry of one event type is inserted — after the state change and its
 * entry were written in their transaction, before it commits. The event type is the end of the trigger's name:
 * {@code CREATE TRIGGER halt_after_package_queued AFTER INSERT ON audit_entries FOR EACH ROW CALL '…HaltAfterEntry'}.
 */
public final class HaltAfterEntry implements Trigger {
    static final String PREFIX = "HALT_AFTER_";
    /** Exit status of the halted JVM. */
    static final int STATUS = 86;

    private String eventType;

    /** The statement that arms it for {@code eventType}. */
    static String create(String eventType) {
        return "CREATE TRIGGER " + PREFIX + eventType + " AFTER INSERT ON audit_entries FOR EACH ROW CALL '"
                + HaltAfterEntry.class.getName() + "'";
    }

    static String drop(String eventType) {
        return "DROP TRIGGER " + PREFIX + eventType;
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        eventType = triggerName.toUpperCase(Locale.ROOT).substring(PREFIX.length());
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        // audit_entries (seq, event_time, event_type, package_id, entry_json)
        if (eventType.equals(newRow[2])) {
            System.out.println("halting after inserting audit entry " + newRow[0] + " (" + eventType + ")");
            System.out.flush();
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
