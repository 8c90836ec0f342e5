package org.evidencegateway.auditor;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.evidencegateway.audit.format.CompactRange;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.NodeSource;
import org.evidencegateway.audit.format.ProofBuilder;

/**
 * Rebuilds the tree from the exported entries in one pass and O(log n) memory per checkpoint: the root at every
 * checkpoint's tree size, the complete subtrees that the consistency proofs between successive checkpoints need
 * (found beforehand by building those proofs over a recording node source), and, beside it, the tree of the leaf
 * hashes the gateway claims, to tell which entry differs.
 */
final class TreeReplay {
    private final Set<Long> wanted = new HashSet<>();
    private final Map<Long, byte[]> kept = new HashMap<>();
    private final CompactRange recomputed = new CompactRange(this::keep);
    private final CompactRange claimed = new CompactRange();
    private final Map<Long, byte[]> recomputedRoots = new TreeMap<>();
    private final Map<Long, byte[]> claimedRoots = new TreeMap<>();
    private final Set<Long> sizes;
    private long firstLeafMismatch = -1;
    private byte[] mismatchRecomputed;
    private byte[] mismatchClaimed;

    /** Prepares for checkpoints of {@code sizes} (ascending). */
    TreeReplay(List<Long> sizes) {
        this.sizes = new HashSet<>(sizes);
        for (int i = 1; i < sizes.size(); i++) {
            new ProofBuilder((level, index) -> {
                wanted.add(key(level, index));
                return new byte[LogHashes.SIZE];
            }).consistency(sizes.get(i - 1), sizes.get(i));
        }
    }

    /** Adds the next entry's leaf hash and the gateway's claimed leaf hash for it (null if it claims none). */
    void append(byte[] leafHash, byte[] claimedLeafHash) {
        long index = recomputed.size();
        byte[] claimedHash = claimedLeafHash == null ? new byte[LogHashes.SIZE] : claimedLeafHash;
        if (firstLeafMismatch < 0 && !MessageDigest.isEqual(leafHash, claimedHash)) {
            firstLeafMismatch = index;
            mismatchRecomputed = leafHash;
            mismatchClaimed = claimedLeafHash;
        }
        recomputed.append(leafHash);
        claimed.append(claimedHash);
        if (sizes.contains(recomputed.size())) {
            recomputedRoots.put(recomputed.size(), recomputed.root());
            claimedRoots.put(claimed.size(), claimed.root());
        }
    }

    long size() {
        return recomputed.size();
    }

    /** The recomputed root at a checkpoint size reached, or null. */
    byte[] recomputedRoot(long size) {
        return recomputedRoots.get(size);
    }

    /** The root of the claimed leaf hashes at a checkpoint size reached, or null. */
    byte[] claimedRoot(long size) {
        return claimedRoots.get(size);
    }

    /** Index of the first entry whose leaf hash differs from the claimed one, or -1. */
    long firstLeafMismatch() {
        return firstLeafMismatch;
    }

    byte[] mismatchRecomputed() {
        return mismatchRecomputed;
    }

    /** The claimed leaf hash at the first mismatch; null if the gateway claimed none. */
    byte[] mismatchClaimed() {
        return mismatchClaimed;
    }

    /** Proofs over the recomputed tree, for the nodes kept (the consistency proofs planned). */
    ProofBuilder proofs() {
        NodeSource nodes = (level, index) -> {
            byte[] hash = kept.get(key(level, index));
            if (hash == null) {
                throw new IllegalStateException("node " + level + "/" + index + " was not kept");
            }
            return hash;
        };
        return new ProofBuilder(nodes);
    }

    private void keep(int level, long index, byte[] hash) {
        long key = key(level, index);
        if (wanted.contains(key)) {
            kept.put(key, hash);
        }
    }

    private static long key(int level, long index) {
        return ((long) level << 57) | index;
    }
}
