package org.evidencegateway.audit.format;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion proofs (§2.1.3.2) and consistency proofs (§2.1.4.2): plain functions over
 * hashes, shared by the gateway and the independent verifier.
 */
public final class Proofs {
    private Proofs() {
    }

    /** Checks that {@code leafHash} is leaf {@code leafIndex} of the tree of {@code treeSize} with {@code root}. */
    public static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
                                       byte[] root) throws ProofException {
        byte[] computed = rootFromInclusion(leafIndex, treeSize, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new ProofException("inclusion proof of leaf " + leafIndex + " in tree size " + treeSize
                    + " leads to root " + hex(computed) + ", expected " + hex(root));
        }
    }

    /** The root hash an inclusion proof leads to (RFC 9162 §2.1.3.2 steps 1–5). */
    public static byte[] rootFromInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof)
            throws ProofException {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new ProofException("leaf index " + leafIndex + " is outside tree size " + treeSize);
        }
        requireHash(leafHash, "leaf hash");
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            requireHash(p, "inclusion proof element");
            if (sn == 0) {
                throw new ProofException("inclusion proof of leaf " + leafIndex + " in tree size " + treeSize
                        + " has " + proof.size() + " hashes, more than the tree is high");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = LogHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = LogHashes.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("inclusion proof of leaf " + leafIndex + " in tree size " + treeSize
                    + " has " + proof.size() + " hashes, too few for the tree's height");
        }
        return r;
    }

    /** Checks that the tree of {@code size1} with {@code root1} is a prefix of the tree of {@code size2}. */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ProofException {
        if (size1 < 0 || size2 < size1) {
            throw new ProofException("tree size " + size2 + " cannot extend tree size " + size1);
        }
        if (size1 == size2 || size1 == 0) {
            if (!proof.isEmpty()) {
                throw new ProofException("consistency proof from " + size1 + " to " + size2
                        + " must be empty, found " + proof.size() + " hashes");
            }
            if (size1 == size2 && !MessageDigest.isEqual(root1, root2)) {
                throw new ProofException("two trees of size " + size1 + " have different roots: " + hex(root1)
                        + " and " + hex(root2));
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("consistency proof from " + size1 + " to " + size2 + " is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = requireHash(path.get(0), "consistency proof element");
        byte[] sr = fr;
        for (byte[] c : path.subList(1, path.size())) {
            requireHash(c, "consistency proof element");
            if (sn == 0) {
                throw new ProofException("consistency proof from " + size1 + " to " + size2 + " has "
                        + proof.size() + " hashes, too many");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = LogHashes.node(c, fr);
                sr = LogHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = LogHashes.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("consistency proof from " + size1 + " to " + size2 + " has "
                    + proof.size() + " hashes, too few");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofException("consistency proof from " + size1 + " to " + size2 + " leads to first root "
                    + hex(fr) + ", expected " + hex(root1));
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofException("consistency proof from " + size1 + " to " + size2 + " leads to second root "
                    + hex(sr) + ", expected " + hex(root2));
        }
    }

    private static byte[] requireHash(byte[] hash, String what) throws ProofException {
        if (hash == null || hash.length != LogHashes.SIZE) {
            throw new ProofException(what + " must have " + LogHashes.SIZE + " bytes, found "
                    + (hash == null ? "none" : hash.length));
        }
        return hash;
    }

    private static String hex(byte[] hash) {
        return hash.length == LogHashes.SIZE ? LogHashes.hex(hash) : "<" + hash.length + " bytes>";
    }
}
