package org.evidencegateway.audit.format;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The RFC 9162 §2.1.1 hashes of the audit log: SHA-256 leaf hashes (0x00 prefix) and node hashes (0x01 prefix). */
public final class LogHashes {
    /** Length of every hash in the log, in bytes. */
    public static final int SIZE = 32;
    private static final HexFormat HEX = HexFormat.of();

    private LogHashes() {
    }

    /** MTH({}) = SHA-256 of nothing: the root hash of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** SHA-256(0x00 || entry). */
    public static byte[] leaf(byte[] entry) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        return d.digest(entry);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 1);
        d.update(left);
        return d.digest(right);
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** Parses a lower- or upper-case hex hash of exactly {@link #SIZE} bytes. */
    public static byte[] fromHex(String hex) {
        byte[] hash = HEX.parseHex(hex);
        if (hash.length != SIZE) {
            throw new IllegalArgumentException("a log hash has " + SIZE + " bytes, found " + hash.length + ": " + hex);
        }
        return hash;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
