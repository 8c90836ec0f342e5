package org.evidencegateway.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that an entry larger than what fits comfortably into the 512 MiB test heap streams through both ways. */
class ArchiveStreamingTest {
    private static final long SIZE = 300L << 20;

    @TempDir
    Path dir;

    @Test
    void roundTrip_streamsA300MegabyteEntryWithoutHoldingIt() throws IOException {
        // Given a 300 MiB entry generated on the fly and written through the writer to a file
        Path zip = dir.resolve("large.zip");
        long writtenCrc;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16);
                ArchiveWriter writer = new ArchiveWriter(file)) {
            writer.putManifest("{}".getBytes(StandardCharsets.UTF_8));
            try (OutputStream out = writer.openEntry("evidence/disk.img")) {
                writtenCrc = generate(out);
            }
        }

        // When it is read back in 64 KiB steps
        CRC32 readCrc = new CRC32();
        long read = 0;
        try (InputStream in = Files.newInputStream(zip); ArchiveReader reader = new ArchiveReader(in,
                ArchiveLimits.DEFAULT)) {
            assertThat(reader.next().name()).isEqualTo("manifest.json");
            InputStream content = reader.next().content();
            byte[] buf = new byte[1 << 16];
            for (int n = content.read(buf); n >= 0; n = content.read(buf)) {
                readCrc.update(buf, 0, n);
                read += n;
            }
            assertThat(reader.next()).isNull();
            reader.finish();
        }

        // Then size and CRC-32 are those generated
        assertThat(read).isEqualTo(SIZE);
        assertThat(readCrc.getValue()).isEqualTo(writtenCrc);
    }

    /** Writes SIZE bytes that compress about 2:1, like a disk image of mixed content, and returns their CRC-32. */
    private static long generate(OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        byte[] block = new byte[1 << 16];
        long state = 0x9E3779B97F4A7C15L;
        for (long done = 0; done < SIZE; done += block.length) {
            for (int i = 0; i < block.length; i += 8) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                long v = state & 0x0F0F0F0F0F0F0F0FL;
                for (int j = 0; j < 8; j++) {
                    block[i + j] = (byte) (v >>> (8 * j));
                }
            }
            crc.update(block);
            out.write(block);
        }
        return crc.getValue();
    }
}
