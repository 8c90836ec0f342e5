package org.evidencegateway.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;

/**
 * A forward-only buffered view of the archive bytes that reads little-endian fields, knows its offset and can take
 * back the bytes an {@link Inflater} was given but did not consume.
 */
final class ForwardInput {
    static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private long position;
    private boolean eof;

    ForwardInput(InputStream in) {
        this.in = in;
    }

    /** Offset in the archive of the next byte to be read. */
    long position() {
        return position;
    }

    /** Tries to buffer at least {@code n} bytes ({@code n <= BUFFER_SIZE}); false if the stream ends first. */
    boolean request(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return limit - pos >= n;
    }

    void require(int n, String what) throws IOException {
        if (!request(n)) {
            throw ZipFormat.malformed("truncated in %s at offset %d", what, position + (limit - pos));
        }
    }

    /** The little-endian unsigned 32-bit value {@code at} bytes ahead, without consuming it; it must be buffered. */
    long peekU32(int at) {
        return ZipFormat.u32(buf, pos + at);
    }

    int u16() {
        int v = ZipFormat.u16(buf, pos);
        advance(2);
        return v;
    }

    long u32() {
        long v = ZipFormat.u32(buf, pos);
        advance(4);
        return v;
    }

    /** An unsigned 64-bit value; one that does not fit a {@code long} is malformed. */
    long u64(String what) {
        long v = ZipFormat.u64(buf, pos);
        if (v < 0) {
            throw ZipFormat.malformed("%s at offset %d exceeds 2^63", what, position);
        }
        advance(8);
        return v;
    }

    byte[] bytes(int len, String what) throws IOException {
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            require(1, what);
            int n = Math.min(len - done, limit - pos);
            System.arraycopy(buf, pos, out, done, n);
            advance(n);
            done += n;
        }
        return out;
    }

    void skip(long len, String what) throws IOException {
        while (len > 0) {
            require(1, what);
            int n = (int) Math.min(len, limit - pos);
            advance(n);
            len -= n;
        }
    }

    /** Reads up to {@code len} bytes; -1 at the end of the stream. */
    int read(byte[] dst, int off, int len) throws IOException {
        if (!request(1)) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, dst, off, n);
        advance(n);
        return n;
    }

    /** Hands up to {@code max} buffered bytes to the inflater; -1 at the end of the stream. */
    int feed(Inflater inflater, long max) throws IOException {
        if (!request(1)) {
            return -1;
        }
        int n = (int) Math.min(max, limit - pos);
        inflater.setInput(buf, pos, n);
        advance(n);
        return n;
    }

    /** Takes back the last {@code n} bytes fed to an inflater; valid only until the next read. */
    void unread(int n) {
        pos -= n;
        position -= n;
    }

    private void advance(int n) {
        pos += n;
        position += n;
    }
}
