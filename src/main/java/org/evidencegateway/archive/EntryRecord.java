package org.evidencegateway.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What the local part of the archive established about one entry, kept until the central directory is compared
 * with it; the name is kept as a SHA-256 digest of its raw bytes so memory does not grow with name lengths.
 */
record EntryRecord(byte[] nameDigest, int flags, int method, long crc, long compressedSize, long size, long offset) {

    static byte[] digest(byte[] rawName) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rawName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
