package org.evidencegateway.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a spool file and, every {@link #STEP} bytes, has another thread flush what was written so far to the disk,
 * so that the disk writes while the upload is still arriving (and while it is then verified) instead of all at
 * once in the fsync that makes the package durable. Only an early start: the fsync of {@link PackageStore#commit}
 * still decides durability, and a flush that fails here is left for that fsync to report.
 */
final class WriteBehind extends FilterOutputStream {
    /** Bytes written between two background flushes. */
    static final long STEP = 64L << 20;

    private static final ExecutorService FLUSHER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "spool-write-behind");
        thread.setDaemon(true);
        return thread;
    });

    private final FileChannel channel;
    private final long step;
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicInteger flushed = new AtomicInteger();
    private long unflushed;

    private WriteBehind(FileChannel channel, long step) {
        super(Channels.newOutputStream(channel));
        this.channel = channel;
        this.step = step;
    }

    static OutputStream open(Path file) throws IOException {
        return open(file, STEP);
    }

    static WriteBehind open(Path file, long step) throws IOException {
        return new WriteBehind(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                step);
    }

    /** Background flushes completed so far. */
    int flushes() {
        return flushed.get();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        unflushed += len;
        if (unflushed >= step) {
            unflushed = 0;
            flushInBackground();
        }
    }

    /** At most one flush of this file at a time; a step reached while one runs is covered by the next. */
    private void flushInBackground() {
        if (flushing.compareAndSet(false, true)) {
            FLUSHER.execute(() -> {
                try {
                    channel.force(false);
                    flushed.incrementAndGet();
                } catch (IOException ignored) {
                    // The fsync before the package is recorded repeats this and reports the failure.
                } finally {
                    flushing.set(false);
                }
            });
        }
    }
}
