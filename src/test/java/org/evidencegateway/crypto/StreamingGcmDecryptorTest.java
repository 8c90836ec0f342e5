package org.evidencegateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingGcmDecryptorTest {
    private static final int TAG_BYTES = 16;

    private final Random random = new Random(20260301);
    private final byte[] key = bytes(32);
    private final byte[] nonce = bytes(12);

    // --- agrees with the JDK and Bouncy Castle ------------------------------------------------------------------

    static Stream<Arguments> lengthsForEachReference() {
        return Stream.of(0, 1, 15, 16, 17, 65535, 65536, 65537, 1024 * 1024 + 3)
                .flatMap(length -> Arrays.stream(ReferenceGcm.values()).map(ref -> Arguments.of(length, ref)));
    }

    @ParameterizedTest(name = "{0} bytes from {1}")
    @MethodSource("lengthsForEachReference")
    void decrypt_givesTheSamePlaintextAsTheReference_forAnyLengthAndChunking(int length, ReferenceGcm reference)
            throws Exception {
        byte[] plaintext = bytes(length);
        byte[] sealed = reference.seal(key, nonce, TAG_BYTES, plaintext);

        byte[] ours = readInRandomChunks(decryptor(TAG_BYTES).getInputStream(dribbling(sealed)));

        assertThat(ours).isEqualTo(reference.open(key, nonce, TAG_BYTES, sealed)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 13, 14, 15})
    void decrypt_checksShortTags(int tagBytes) throws Exception {
        byte[] plaintext = bytes(100_003);
        byte[] sealed = sealWithBouncyCastle(tagBytes, plaintext);

        byte[] ours = readInRandomChunks(decryptor(tagBytes).getInputStream(dribbling(sealed)));
        sealed[sealed.length - 1] ^= 1;

        assertThat(ours).isEqualTo(plaintext);
        assertThatThrownBy(() -> readInRandomChunks(decryptor(tagBytes).getInputStream(new ByteArrayInputStream(sealed))))
                .isInstanceOf(IOException.class).hasMessageContaining("authentication tag does not match");
    }

    @Test
    void decrypt_works_withAes128() throws Exception {
        byte[] key128 = Arrays.copyOf(key, 16);
        byte[] plaintext = bytes(70_000);
        byte[] sealed = ReferenceGcm.BOUNCY_CASTLE.seal(key128, nonce, TAG_BYTES, plaintext);

        StreamingGcmDecryptor decryptor = StreamingGcmDecryptor.create(
                gcm(NISTObjectIdentifiers.id_aes128_GCM, TAG_BYTES), new SecretKeySpec(key128, "AES"));

        assertThat(readInRandomChunks(decryptor.getInputStream(dribbling(sealed)))).isEqualTo(plaintext);
    }

    // --- refuses what was altered -------------------------------------------------------------------------------

    @Test
    void decrypt_rejectsAlteredTag() throws Exception {
        byte[] sealed = sealWithBouncyCastle(TAG_BYTES, bytes(5000));
        sealed[sealed.length - 3] ^= 0x40;

        assertThatThrownBy(() -> readInRandomChunks(decryptor(TAG_BYTES).getInputStream(new ByteArrayInputStream(sealed))))
                .isInstanceOf(IOException.class).hasMessageContaining("authentication tag does not match");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 2500, 4999})
    void decrypt_rejectsAlteredCiphertext(int position) throws Exception {
        byte[] sealed = sealWithBouncyCastle(TAG_BYTES, bytes(5000));
        sealed[position] ^= 1;

        assertThatThrownBy(() -> readInRandomChunks(decryptor(TAG_BYTES).getInputStream(new ByteArrayInputStream(sealed))))
                .isInstanceOf(IOException.class).hasMessageContaining("authentication tag does not match");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 17, 4000})
    void decrypt_rejectsInputCutShort(int missing) throws Exception {
        byte[] sealed = sealWithBouncyCastle(TAG_BYTES, bytes(5000));
        byte[] cut = Arrays.copyOf(sealed, sealed.length - missing);

        assertThatThrownBy(() -> readInRandomChunks(decryptor(TAG_BYTES).getInputStream(new ByteArrayInputStream(cut))))
                .isInstanceOf(IOException.class).hasMessageContaining("authentication tag does not match");
    }

    @Test
    void decrypt_rejectsInputShorterThanTheTag() throws Exception {
        byte[] sealed = new byte[TAG_BYTES - 1];

        assertThatThrownBy(() -> readInRandomChunks(decryptor(TAG_BYTES).getInputStream(new ByteArrayInputStream(sealed))))
                .isInstanceOf(IOException.class).hasMessageContaining("authentication tag does not match");
    }

    @Test
    void decrypt_keepsFailing_afterTheTagWasRejected() throws Exception {
        byte[] sealed = sealWithBouncyCastle(TAG_BYTES, bytes(100));
        sealed[0] ^= 1;
        InputStream plaintext = decryptor(TAG_BYTES).getInputStream(new ByteArrayInputStream(sealed));

        assertThatThrownBy(() -> plaintext.readAllBytes()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> plaintext.read()).isInstanceOf(IOException.class)
                .hasMessageContaining("authentication tag does not match");
    }

    // --- streams ------------------------------------------------------------------------------------------------

    @Test
    void decrypt_releasesPlaintextBeforeTheTagArrives() throws Exception {
        byte[] plaintext = bytes(300_000);
        byte[] sealed = sealWithBouncyCastle(TAG_BYTES, plaintext);
        InputStream firstPart = new ByteArrayInputStream(sealed, 0, 200_000);
        InputStream notYetArrived = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the rest has not arrived");
            }
        };
        InputStream decrypted = decryptor(TAG_BYTES).getInputStream(new SequenceInputStream(firstPart, notYetArrived));

        byte[] released = decrypted.readNBytes(200_000 - TAG_BYTES);

        assertThat(released).isEqualTo(Arrays.copyOf(plaintext, 200_000 - TAG_BYTES));
    }

    @Test
    void decrypt_reportsTheEndOnlyOnce_andThenStaysAtTheEnd() throws Exception {
        byte[] sealed = sealWithBouncyCastle(TAG_BYTES, bytes(33));
        StreamingGcmDecryptor decryptor = decryptor(TAG_BYTES);
        InputStream plaintext = decryptor.getInputStream(new ByteArrayInputStream(sealed));

        assertThat(decryptor.getMAC()).isNull();
        assertThat(plaintext.readAllBytes()).hasSize(33);
        assertThat(plaintext.read()).isEqualTo(-1);
        assertThat(plaintext.read(new byte[10], 0, 10)).isEqualTo(-1);
        assertThat(decryptor.getMAC()).isEqualTo(Arrays.copyOfRange(sealed, 33, 33 + TAG_BYTES));
    }

    // --- what it does not handle --------------------------------------------------------------------------------

    @Test
    void aadStream_refusesAuthenticatedAttributes() throws Exception {
        assertThatThrownBy(() -> decryptor(TAG_BYTES).getAADStream().write(new byte[] {0x31, 0x00}))
                .isInstanceOf(IOException.class).hasMessageContaining("authenticated attributes are not supported");
    }

    @Test
    void supports_onlyAesGcmWithTwelveByteNonce() {
        assertThat(StreamingGcmDecryptor.supports(gcm(NISTObjectIdentifiers.id_aes256_GCM, 16))).isPresent();
        assertThat(StreamingGcmDecryptor.supports(gcm(NISTObjectIdentifiers.id_aes128_GCM, 12))).isPresent();
        assertThat(StreamingGcmDecryptor.supports(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM,
                new GCMParameters(bytes(16), 16)))).isEmpty();
        assertThat(StreamingGcmDecryptor.supports(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM,
                new GCMParameters(bytes(8), 16)))).isEmpty();
        assertThat(StreamingGcmDecryptor.supports(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_CBC)))
                .isEmpty();
    }

    @Test
    void create_refusesKeyOfTheWrongSizeForTheAlgorithm() {
        assertThatThrownBy(() -> StreamingGcmDecryptor.create(gcm(NISTObjectIdentifiers.id_aes256_GCM, 16),
                new SecretKeySpec(bytes(16), "AES")))
                .isInstanceOf(CMSException.class).hasMessageContaining("16 bytes").hasMessageContaining("needs 32");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private StreamingGcmDecryptor decryptor(int tagBytes) throws CMSException {
        return StreamingGcmDecryptor.create(gcm(NISTObjectIdentifiers.id_aes256_GCM, tagBytes),
                new SecretKeySpec(key, "AES"));
    }

    private AlgorithmIdentifier gcm(ASN1ObjectIdentifier oid, int tagBytes) {
        return new AlgorithmIdentifier(oid, new GCMParameters(nonce, tagBytes));
    }

    /** Bouncy Castle's AES-GCM: ciphertext ‖ tag. */
    private byte[] sealWithBouncyCastle(int tagBytes, byte[] plaintext) throws GeneralSecurityException {
        return ReferenceGcm.BOUNCY_CASTLE.seal(key, nonce, tagBytes, plaintext);
    }

    /** Reads with request sizes from 1 byte to 100 KiB, mixing in single-byte reads. */
    private byte[] readInRandomChunks(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[100 * 1024 + 7];
        while (true) {
            if (random.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    return out.toByteArray();
                }
                out.write(b);
                continue;
            }
            int off = random.nextInt(7);
            int n = in.read(buffer, off, 1 + random.nextInt(buffer.length - off - 1));
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buffer, off, n);
        }
    }

    /** A source that hands out short, irregular reads, as a BER parser over a network stream does. */
    private InputStream dribbling(byte[] data) {
        Random dribble = new Random(random.nextLong());
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int limit = dribble.nextBoolean() ? 1 + dribble.nextInt(20) : 1 + dribble.nextInt(80_000);
                return super.read(b, off, Math.min(len, limit));
            }
        };
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
