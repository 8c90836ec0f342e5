package org.evidencegateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryByte_andFlushesInTheBackground_stepByStep() throws Exception {
        // Given a spool file written in 4 KiB chunks with a flush due every 64 KiB
        Path file = Files.createFile(dir.resolve("upload.p7m"));
        byte[] content = new byte[1 << 20];
        new Random(7).nextBytes(content);
        WriteBehind out = WriteBehind.open(file, 64 << 10);

        // When 1 MiB is written
        for (int off = 0; off < content.length; off += 4096) {
            out.write(content, off, 4096);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out.flushes() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        out.close();

        // Then the file holds exactly what was written, and the disk was asked to write it before the end
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(out.flushes()).isPositive();
    }

    @Test
    void flushesNothing_belowOneStep() throws Exception {
        Path file = Files.createFile(dir.resolve("small.p7m"));
        WriteBehind out = WriteBehind.open(file, 64 << 10);

        out.write(new byte[1000], 0, 1000);
        out.close();

        assertThat(out.flushes()).isZero();
        assertThat(Files.size(file)).isEqualTo(1000);
    }
}
