package org.evidencegateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.evidencegateway.audit.format.LogHashes;

/**
 * Inserts the nodes that appending leaves completes (docs/audit-log.md §2): node (0, i), then each parent whose
 * right child was just computed. A left sibling computed earlier in the same batch is taken from memory, an
 * older one is read from the database, so an append costs on average one read and two batched inserts.
 */
final class TreeAppender {
    private final Connection connection;
    private final PreparedStatement insert;
    private final Map<Integer, Long> lastIndex = new HashMap<>();
    private final Map<Integer, byte[]> lastHash = new HashMap<>();
    private long size;

    TreeAppender(Connection connection, long size) throws SQLException {
        this.connection = connection;
        this.size = size;
        this.insert = connection.prepareStatement("INSERT INTO audit_nodes (level, idx, hash) VALUES (?, ?, ?)");
    }

    void append(byte[] leafHash) throws SQLException {
        long index = size++;
        int level = 0;
        byte[] hash = leafHash;
        while (true) {
            // the left sibling first: adding this node replaces what is remembered of its level
            byte[] left = (index & 1) == 1 ? sibling(level, index - 1) : null;
            add(level, index, hash);
            if (left == null) {
                return;
            }
            hash = LogHashes.node(left, hash);
            index >>>= 1;
            level++;
        }
    }

    /** Writes the nodes added so far; closes the statement. */
    void flush() throws SQLException {
        try (insert) {
            insert.executeBatch();
        }
    }

    private byte[] sibling(int level, long index) throws SQLException {
        Long remembered = lastIndex.get(level);
        if (remembered != null && remembered == index) {
            return lastHash.get(level);
        }
        return LedgerReader.node(connection, level, index);
    }

    private void add(int level, long index, byte[] hash) throws SQLException {
        lastIndex.put(level, index);
        lastHash.put(level, hash);
        insert.setInt(1, level);
        insert.setLong(2, index);
        insert.setString(3, LogHashes.hex(hash));
        insert.addBatch();
    }
}
