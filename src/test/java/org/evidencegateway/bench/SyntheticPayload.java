package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Synthetic evidence of any length, deterministic and effectively incompressible, written to disk chunk by chunk
 * so that not even a gigabyte of it is ever held in memory.
 *
 * <p>The content is one 1 MiB block of seeded random bytes, repeated, with a counter mixed into the first eight bytes
 * of every 4 KiB page: deflate (32 KiB window) cannot see the repetition, every page differs from every other, and
 * generation runs at memory speed.
 */
public final class SyntheticPayload {
    /** Size of the repeated random block, and of the chunks written. */
    public static final int BLOCK_BYTES = 1 << 20;
    private static final int PAGE_BYTES = 4096;
    private static final long DEFAULT_SEED = 0x45764777L; // "EvGw"

    private final byte[] block = new byte[BLOCK_BYTES];

    private SyntheticPayload(long seed) {
        new SplittableRandom(seed).nextBytes(block);
    }

    /** The generator every harness uses, so that a given size always yields the same bytes. */
    public static SyntheticPayload standard() {
        return new SyntheticPayload(DEFAULT_SEED);
    }

    /**
     * Writes {@code size} bytes to {@code file} (replacing it, creating parent folders) and returns their SHA-256,
     * computed here with the JDK's {@link MessageDigest}, independent of the code under test.
     */
    public Written write(Path file, long size) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MessageDigest sha256 = sha256();
        byte[] chunk = new byte[BLOCK_BYTES];
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long index = 0;
            for (long left = size; left > 0; left -= BLOCK_BYTES, index++) {
                int length = (int) Math.min(left, BLOCK_BYTES);
                fill(index, chunk);
                sha256.update(chunk, 0, length);
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, length);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
        return new Written(file, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Chunk {@code index} of the stream: the block with the counter of each page mixed in. */
    void fill(long index, byte[] chunk) {
        System.arraycopy(block, 0, chunk, 0, BLOCK_BYTES);
        ByteBuffer view = ByteBuffer.wrap(chunk);
        for (int page = 0; page < BLOCK_BYTES / PAGE_BYTES; page++) {
            int offset = page * PAGE_BYTES;
            view.putLong(offset, view.getLong(offset) ^ (index * (BLOCK_BYTES / PAGE_BYTES) + page));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (lower-case hex) of a file, read with the JDK only. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(BLOCK_BYTES);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buffer) >= 0) {
                buffer.flip();
                sha256.update(buffer);
                buffer.clear();
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** A generated file, its size and its SHA-256 (lower-case hex). */
    public record Written(Path file, long size, String sha256) {
    }
}
