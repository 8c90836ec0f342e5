package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the disk under a benchmark's folder can do, measured the way the gateway writes, and tidying after. */
final class Disk {
    private Disk() {
    }

    /**
     * Writes {@code size} bytes of synthetic data to a new {@code file} sequentially in chunks of {@code chunkBytes},
     * fsyncs it once at the end (as {@code dd bs=<chunk> conv=fsync}), deletes it and returns the seconds taken.
     */
    static double fsyncedWriteSeconds(Path file, long size, int chunkBytes) throws IOException {
        byte[] chunk = chunk(chunkBytes);
        long start = System.nanoTime();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long left = size; left > 0; left -= chunk.length) {
                write(out, chunk, (int) Math.min(left, chunk.length));
            }
            out.force(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(file);
        return seconds;
    }

    /**
     * Creates, writes {@code bytes}, fsyncs and closes one new file after another in {@code dir} for about
     * {@code seconds} (at least {@code minFiles}), as a store of small packages must at the least; returns files/s.
     */
    static double fsyncedFilesPerSecond(Path dir, int bytes, double seconds, int minFiles) throws IOException {
        byte[] chunk = chunk(bytes);
        Files.createDirectories(dir);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int files = 0;
        while (files < minFiles || System.nanoTime() < deadline) {
            try (FileChannel out = FileChannel.open(dir.resolve("f" + files), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                write(out, chunk, bytes);
                out.force(true);
            }
            files++;
        }
        double rate = files / ((System.nanoTime() - start) / 1e9);
        deleteTree(dir);
        return rate;
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static byte[] chunk(int bytes) {
        byte[] block = new byte[SyntheticPayload.BLOCK_BYTES];
        SyntheticPayload.standard().fill(7, block);
        byte[] chunk = new byte[bytes];
        for (int off = 0; off < bytes; off += block.length) {
            System.arraycopy(block, 0, chunk, off, Math.min(block.length, bytes - off));
        }
        return chunk;
    }

    private static void write(FileChannel out, byte[] chunk, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, length);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
