package org.evidencegateway.audit.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The root hash of a growing tree in O(log n) memory: the hashes of the complete subtrees on its right edge
 * (a "compact range" [0, size)), merged as leaves are appended. Not thread-safe.
 */
public final class CompactRange {
    /** Complete subtree hashes, largest (leftmost) first; their sizes are the set bits of {@link #size}. */
    private final List<byte[]> peaks = new ArrayList<>();
    private long size;

    private final NodeListener listener;

    /** Receives every complete subtree hash as it comes into being, leaves included. */
    @FunctionalInterface
    public interface NodeListener {
        void completed(int level, long index, byte[] hash);
    }

    /** A range that reports nothing. */
    public CompactRange() {
        this((level, index, hash) -> { });
    }

    /** A range that reports every complete node to {@code listener} (to keep the ones a proof will need). */
    public CompactRange(NodeListener listener) {
        this.listener = listener;
    }

    /** Appends one leaf hash. */
    public void append(byte[] leafHash) {
        byte[] hash = leafHash;
        long index = size;
        int level = 0;
        listener.completed(level, index, hash);
        while ((index & 1) == 1) {
            hash = LogHashes.node(peaks.remove(peaks.size() - 1), hash);
            index >>>= 1;
            level++;
            listener.completed(level, index, hash);
        }
        peaks.add(hash);
        size++;
    }

    /** Number of leaves appended so far: the tree size. */
    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far (RFC 9162 §2.1.1): peaks folded from the right. */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return LogHashes.emptyRoot();
        }
        byte[] hash = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            hash = LogHashes.node(peaks.get(i), hash);
        }
        return hash;
    }
}
