package org.evidencegateway.audit.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds RFC 9162 root hashes, inclusion proofs (§2.1.3.1 PATH) and consistency proofs (§2.1.4.1 PROOF) from the
 * complete subtrees of a log: every range hash is one stored node or, on the right edge, a fold of at most
 * log₂ n of them, so each result costs O(log n) node reads.
 */
public final class ProofBuilder {
    private final NodeSource nodes;

    public ProofBuilder(NodeSource nodes) {
        this.nodes = nodes;
    }

    /** MTH of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        return treeSize == 0 ? LogHashes.emptyRoot() : range(0, treeSize);
    }

    /** PATH(m, D[n]): the inclusion proof of leaf {@code leafIndex} in tree size {@code treeSize}, bottom first. */
    public List<byte[]> inclusion(long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in tree size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, treeSize, proof);
        return proof;
    }

    /** PROOF(m, D[n]): the consistency proof from tree size {@code size1} to {@code size2}; empty if trivial. */
    public List<byte[]> consistency(long size1, long size2) {
        if (size1 < 0 || size2 < size1) {
            throw new IllegalArgumentException("tree size " + size2 + " cannot extend tree size " + size1);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    private void path(long m, long lo, long hi, List<byte[]> out) {
        if (hi - lo == 1) {
            return;
        }
        long k = splitPoint(hi - lo);
        if (m < k) {
            path(m, lo, lo + k, out);
            out.add(range(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, out);
            out.add(range(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean complete, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!complete) {
                out.add(range(lo, hi));
            }
            return;
        }
        long k = splitPoint(n);
        if (m <= k) {
            subproof(m, lo, lo + k, complete, out);
            out.add(range(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(range(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]) for a range of the RFC 9162 recursion: lo is a multiple of a power of two ≥ hi − lo. */
    private byte[] range(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, lo >>> level);
        }
        long k = splitPoint(n);
        return LogHashes.node(range(lo, lo + k), range(lo + k, hi));
    }

    /** The largest power of two smaller than n (n ≥ 2). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }
}
