package org.evidencegateway.runtime;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;

/** Bytes handed out a few at a time with a pause before each chunk: a slow client's upload, for limit tests. */
final class TricklingInputStream extends InputStream {
    private final byte[] data;
    private final int chunk;
    private final long pauseMillis;
    private int position;

    /** {@code data} in {@code chunks} pieces spread over about {@code total}. */
    TricklingInputStream(byte[] data, int chunks, Duration total) {
        this.data = Arrays.copyOf(data, data.length);
        this.chunk = Math.max(1, (data.length + chunks - 1) / chunks);
        this.pauseMillis = total.toMillis() / chunks;
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws InterruptedIOException {
        if (position >= data.length) {
            return -1;
        }
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("upload interrupted");
        }
        int n = Math.min(Math.min(length, chunk), data.length - position);
        System.arraycopy(data, position, buffer, offset, n);
        position += n;
        return n;
    }
}
