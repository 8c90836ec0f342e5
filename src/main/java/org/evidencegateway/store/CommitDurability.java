package org.evidencegateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What it takes, after a commit, for the committed changes to survive a power cut. PostgreSQL's commit already waits
 * for its write-ahead log to reach the disk. H2's commit writes its file through the operating system's cache and
 * never forces it (H2's documentation, "Durability Problems"): durable if the gateway's process dies, not if the
 * machine does. {@code CHECKPOINT SYNC} writes what is pending and forces the file.
 */
enum CommitDurability {
    /** The commit is durable by itself. */
    COMMIT,
    /** The commit must be followed by {@code CHECKPOINT SYNC}. */
    SYNC_AFTER_COMMIT;

    static CommitDurability of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("h2") ? SYNC_AFTER_COMMIT : COMMIT;
    }

    /** Makes what {@code connection} (and every other connection) committed so far durable. */
    void afterCommit(Connection connection) throws SQLException {
        if (this == SYNC_AFTER_COMMIT) {
            try (Statement sync = connection.createStatement()) {
                sync.execute("CHECKPOINT SYNC");
            }
        }
    }
}
