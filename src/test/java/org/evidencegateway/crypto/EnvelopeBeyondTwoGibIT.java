package org.evidencegateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AES-256-GCM envelope of more than 2 GiB — past the JDK's AES-GCM limit of 2^31 − 1 bytes, where packing used to
 * fail with "SunJCE provider only supports input size up to 2147483647 bytes" — is written to a temporary file and
 * read back, bit for bit, and is still refused when its ciphertext or tag is altered or it is cut short.
 *
 * <p>The content is generated and hashed as it streams; it is never held in memory. On the 2-core development machine
 * the class took 51 s (writing 16 s, each of the four reads 7–11 s) and needs 2.1 GiB of disk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvelopeBeyondTwoGibIT {
    static final long CONTENT_BYTES = (1L << 31) + (1 << 20);
    private static final int CHUNK_BYTES = 64 * 1024;
    /** The BER header of each 64 KiB segment of the encrypted content: OCTET STRING, length 0x010000. */
    private static final byte[] SEGMENT_HEADER = {0x04, (byte) 0x83, 0x01, 0x00, 0x00};

    private Path envelope;
    private String contentSha256;

    @BeforeAll
    void writeEnvelopeOfMoreThanTwoGib(@TempDir Path tmp) throws Exception {
        // Given room on disk for the envelope and a margin
        long usable = Files.getFileStore(tmp).getUsableSpace();
        assertThat(usable).as("usable bytes on the temporary directory's disk").isGreaterThan(CONTENT_BYTES + (256L << 20));
        envelope = tmp.resolve("beyond-2gib.p7m");

        // When 2 GiB + 1 MiB of generated content is written through the envelope writer
        MessageDigest sha256 = sha256();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(envelope), CHUNK_BYTES)) {
            OutputStream plaintext = new DigestOutputStream(EnvelopeWriter.open(file,
                    List.of(CryptoTestKeys.RSA_RECIPIENT.certificate()), ContentEncryption.AES_256_GCM), sha256);
            generate(plaintext);
            plaintext.close();
        }
        contentSha256 = HexFormat.of().formatHex(sha256.digest());
    }

    @Test
    void open_readsBackEnvelopeOfMoreThanTwoGib_bitForBit() throws Exception {
        MessageDigest sha256 = sha256();
        long read;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(envelope), CHUNK_BYTES)) {
            read = drain(EnvelopeReader.open(in, List.of(CryptoTestKeys.RSA_RECIPIENT)).plaintext(), sha256);
        }

        assertThat(read).isEqualTo(CONTENT_BYTES);
        assertThat(HexFormat.of().formatHex(sha256.digest())).as("SHA-256 of the content read back")
                .isEqualTo(contentSha256);
    }

    @Test
    void open_refusesCiphertextAlteredBeyondTwoGib() throws Exception {
        // a byte well inside the last 64 KiB segment but one, i.e. at a content offset past 2^31
        long segment = lastIndexOf(SEGMENT_HEADER, Files.size(envelope) - 3 * CHUNK_BYTES);
        long position = segment + SEGMENT_HEADER.length + CHUNK_BYTES / 2;
        assertThat(position).isGreaterThan(1L << 31);

        CodedException failure = withByteFlipped(position, this::readFailure);

        assertThat(failure.code()).isEqualTo(ErrorCode.ENC_INTEGRITY);
        assertThat(failure).hasMessageContaining("authentication tag does not match");
    }

    @Test
    void open_refusesAlteredTag() throws Exception {
        // the envelope ends with the mac OCTET STRING (04 10, 16 bytes) and the end-of-contents of three BER levels
        long tag = Files.size(envelope) - 6 - 16;
        assertThat(bytesAt(tag - 2, 2)).containsExactly(0x04, 0x10);
        assertThat(bytesAt(tag + 16, 6)).containsOnly(0);

        CodedException failure = withByteFlipped(tag + 15, this::readFailure);

        assertThat(failure.code()).isEqualTo(ErrorCode.ENC_INTEGRITY);
        assertThat(failure).hasMessageContaining("authentication tag does not match");
    }

    @Test
    void open_reportsTruncation_whenCutShortBeyondTwoGib() throws Exception {
        long cut = Files.size(envelope) - (512 << 10);

        CodedException failure;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(envelope), CHUNK_BYTES)) {
            failure = readFailure(new CutShort(in, cut));
        }

        assertThat(failure.code()).isEqualTo(ErrorCode.PKG_TRUNCATED);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** Pseudo-random content, so that the ciphertext is no pattern, in 64 KiB writes. */
    private static void generate(OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(20260304);
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer longs = ByteBuffer.wrap(chunk);
        for (long written = 0; written < CONTENT_BYTES; written += CHUNK_BYTES) {
            longs.clear();
            while (longs.hasRemaining()) {
                longs.putLong(random.nextLong());
            }
            out.write(chunk, 0, (int) Math.min(CHUNK_BYTES, CONTENT_BYTES - written));
        }
    }

    private CodedException readFailure() throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(envelope), CHUNK_BYTES)) {
            return readFailure(in);
        }
    }

    private static CodedException readFailure(InputStream in) {
        return catchThrowableOfType(CodedException.class, () ->
                drain(EnvelopeReader.open(in, List.of(CryptoTestKeys.RSA_RECIPIENT)).plaintext(), null));
    }

    private static long drain(InputStream plaintext, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[CHUNK_BYTES];
        long total = 0;
        for (int n; (n = plaintext.read(buffer)) >= 0; total += n) {
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
        }
        return total;
    }

    /** Runs {@code read} with the byte at {@code position} of the envelope flipped, then puts it back. */
    private CodedException withByteFlipped(long position, FailingRead read) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(envelope.toFile(), "rw")) {
            file.seek(position);
            int original = file.read();
            file.seek(position);
            file.write(original ^ 0x01);
            try {
                return read.run();
            } finally {
                file.seek(position);
                file.write(original);
            }
        }
    }

    /** Where {@code pattern} last starts in the envelope at or after {@code from}. */
    private long lastIndexOf(byte[] pattern, long from) throws IOException {
        byte[] tail = bytesAt(from, (int) (Files.size(envelope) - from));
        for (int i = tail.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(tail, i, i + pattern.length, pattern, 0, pattern.length)) {
                return from + i;
            }
        }
        throw new AssertionError("no " + HexFormat.of().formatHex(pattern) + " in the last " + tail.length + " bytes");
    }

    private byte[] bytesAt(long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        try (RandomAccessFile file = new RandomAccessFile(envelope.toFile(), "r")) {
            file.seek(position);
            file.readFully(bytes);
        }
        return bytes;
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    @FunctionalInterface
    private interface FailingRead {
        CodedException run() throws IOException;
    }

    /** The first {@code limit} bytes of a stream, as if the transfer had broken off there. */
    private static final class CutShort extends FilterInputStream {
        private long remaining;

        CutShort(InputStream in, long limit) {
            super(in);
            remaining = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            remaining -= Math.max(n, 0);
            return n;
        }
    }
}
