package org.evidencegateway.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.crypto.EnvelopeReader;
import org.evidencegateway.crypto.EnvelopeWriter;
import org.evidencegateway.crypto.RecipientKey;
import org.evidencegateway.open.TestPackages;

/**
 * Measures the outer layer alone — {@link EnvelopeWriter} and {@link EnvelopeReader} with AES-256-GCM over an
 * in-memory buffer — in MiB/s, best of a few warm rounds; run it with {@code -Xmx2g} and the test classpath.
 *
 * <p>System property {@code bench.envelope-size} [256MiB] sets the content size, {@code bench.rounds} [5] the rounds.
 */
public final class EnvelopeThroughput {
    private static final int WRITE_BYTES = 64 * 1024;

    private EnvelopeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int size = Math.toIntExact(Sizes.parse(System.getProperty("bench.envelope-size", "256MiB")));
        int rounds = Integer.getInteger("bench.rounds", 5);
        RecipientKey recipient = TestPackages.GATEWAY_RSA.recipientKey();
        byte[] content = new byte[size];
        new Random(1).nextBytes(content);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream(size + 64 * 1024);
        double bestEncrypt = 0;
        double bestDecrypt = 0;
        for (int round = 0; round < rounds; round++) {
            sealed.reset();
            long start = System.nanoTime();
            OutputStream envelope = EnvelopeWriter.open(sealed, List.of(recipient.certificate()),
                    ContentEncryption.AES_256_GCM);
            for (int off = 0; off < size; off += WRITE_BYTES) {
                envelope.write(content, off, Math.min(WRITE_BYTES, size - off));
            }
            envelope.close();
            bestEncrypt = Math.max(bestEncrypt, mibPerSecond(size, System.nanoTime() - start));

            start = System.nanoTime();
            InputStream plaintext = EnvelopeReader.open(new ByteArrayInputStream(sealed.toByteArray()),
                    List.of(recipient)).plaintext();
            byte[] buffer = new byte[WRITE_BYTES];
            long read = 0;
            for (int n; (n = plaintext.read(buffer)) >= 0; ) {
                read += n;
            }
            if (read != size) {
                throw new IllegalStateException("read " + read + " of " + size + " bytes");
            }
            bestDecrypt = Math.max(bestDecrypt, mibPerSecond(size, System.nanoTime() - start));
        }
        System.out.printf(Locale.ROOT, "envelope AES-256-GCM %d MiB, best of %d: encrypt %.0f MiB/s, decrypt %.0f MiB/s%n",
                size >> 20, rounds, bestEncrypt, bestDecrypt);
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }
}
