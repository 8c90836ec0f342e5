package org.evidencegateway.digest;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over bytes and streams, as lower-case hex: how packages, manifests and items are fingerprinted. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(newDigest().digest(data));
    }

    /** Wraps a stream so that everything read through it is hashed and counted. */
    public static HashingInputStream hashing(InputStream in) {
        return new HashingInputStream(in);
    }

    /** Wraps a stream so that everything written through it is hashed and counted. */
    public static HashingOutputStream hashing(OutputStream out) {
        return new HashingOutputStream(out);
    }

    /** An input stream that hashes and counts what passes through it. */
    public static final class HashingInputStream extends FilterInputStream {
        private final MessageDigest digest = newDigest();
        private long count;

        private HashingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must be hashed too.
            int n2 = read(new byte[(int) Math.min(Math.max(n, 0), 8192)]);
            return Math.max(n2, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        public long count() {
            return count;
        }

        /** The hash of everything read so far; call once, at the end. */
        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** An output stream that hashes and counts what passes through it. */
    public static final class HashingOutputStream extends FilterOutputStream {
        private final MessageDigest digest = newDigest();
        private long count;

        private HashingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        public long count() {
            return count;
        }

        /** The hash of everything written so far; call once, at the end. */
        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
