package org.evidencegateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamingGcmTest {
    /** Update sizes that cross block boundaries every which way, including empty updates. */
    private static final int[] IRREGULAR_CHUNKS = {1, 15, 0, 17, 3, 32, 5, 16, 2, 47};

    private final Random random = new Random(20260302);

    // --- known answers --------------------------------------------------------------------------------------------

    /**
     * AES-256 with 96-bit IVs, test cases 13 to 16 of D. McGrew and J. Viega, "The Galois/Counter Mode of
     * Operation (GCM)", revised 2005, appendix B (the same values as Bouncy Castle's
     * core/src/test/java/org/bouncycastle/crypto/test/GCMTest.java): key, plaintext, AAD, IV, ciphertext, tag.
     */
    static Stream<Arguments> mcGrewViegaAes256() {
        String key15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
        String plain15 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
        String cipher15 = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";
        return Stream.of(
                Arguments.of("Test Case 13", "00".repeat(32), "", "", "00".repeat(12), "",
                        "530f8afbc74536b9a963b4f1c4cb738b"),
                Arguments.of("Test Case 14", "00".repeat(32), "00".repeat(16), "", "00".repeat(12),
                        "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
                Arguments.of("Test Case 15", key15, plain15, "", "cafebabefacedbaddecaf888", cipher15,
                        "b094dac5d93471bdec1a502270e3cc6c"),
                Arguments.of("Test Case 16", key15, plain15.substring(0, 120),
                        "feedfacedeadbeeffeedfacedeadbeefabaddad2", "cafebabefacedbaddecaf888",
                        cipher15.substring(0, 120), "76fc6ece0f4e1768cddf8853bb2d551b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcGrewViegaAes256")
    void encrypt_givesTheSpecificationsCiphertextAndTag(String name, String key, String plaintext, String aad,
                                                         String iv, String ciphertext, String tag) throws Exception {
        StreamingGcm gcm = StreamingGcm.create(true, aes(key), Hex.decode(iv), Hex.decode(aad));

        byte[] out = inIrregularChunks(gcm, Hex.decode(plaintext));

        assertThat(Hex.toHexString(out)).isEqualTo(ciphertext);
        assertThat(Hex.toHexString(gcm.finish(16))).isEqualTo(tag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcGrewViegaAes256")
    void decrypt_givesTheSpecificationsPlaintextAndTag(String name, String key, String plaintext, String aad,
                                                        String iv, String ciphertext, String tag) throws Exception {
        StreamingGcm gcm = StreamingGcm.create(false, aes(key), Hex.decode(iv), Hex.decode(aad));

        byte[] out = inIrregularChunks(gcm, Hex.decode(ciphertext));

        assertThat(Hex.toHexString(out)).isEqualTo(plaintext);
        assertThat(Hex.toHexString(gcm.finish(16))).isEqualTo(tag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mcGrewViegaAes256")
    void finish_truncatesTheTagToItsLeadingBytes(String name, String key, String plaintext, String aad, String iv,
                                                 String ciphertext, String tag) throws Exception {
        StreamingGcm gcm = StreamingGcm.create(false, aes(key), Hex.decode(iv), Hex.decode(aad));

        inIrregularChunks(gcm, Hex.decode(ciphertext));

        assertThat(Hex.toHexString(gcm.finish(12))).isEqualTo(tag.substring(0, 24));
    }

    // --- agrees with the JDK and Bouncy Castle ------------------------------------------------------------------

    static Stream<Arguments> lengthsForEachReference() {
        return Stream.of(0, 1, 15, 16, 17, 65535, 65537, 1024 * 1024 + 3)
                .flatMap(length -> Arrays.stream(ReferenceGcm.values()).map(ref -> Arguments.of(length, ref)));
    }

    @ParameterizedTest(name = "{0} bytes against {1}")
    @MethodSource("lengthsForEachReference")
    void encrypt_givesTheSameCiphertextAndTagAsTheReference(int length, ReferenceGcm reference) throws Exception {
        byte[] key = bytes(32);
        byte[] nonce = bytes(12);
        byte[] plaintext = bytes(length);

        StreamingGcm gcm = StreamingGcm.encrypting(new SecretKeySpec(key, "AES"), nonce);
        byte[] ours = concat(inRandomChunks(gcm, plaintext), gcm.finish(16));

        assertThat(ours).isEqualTo(reference.seal(key, nonce, 16, plaintext));
    }

    @Test
    void update_worksInPlace_inBothDirections() throws Exception {
        byte[] key = bytes(16);
        byte[] nonce = bytes(12);
        byte[] plaintext = bytes(1000);
        byte[] buffer = plaintext.clone();

        StreamingGcm encrypt = StreamingGcm.encrypting(new SecretKeySpec(key, "AES"), nonce);
        encrypt.update(buffer, 0, buffer.length, buffer, 0);
        byte[] tag = encrypt.finish(16);
        assertThat(concat(buffer, tag)).isEqualTo(ReferenceGcm.JDK.seal(key, nonce, 16, plaintext));

        StreamingGcm decrypt = StreamingGcm.decrypting(new SecretKeySpec(key, "AES"), nonce);
        decrypt.update(buffer, 0, buffer.length, buffer, 0);
        assertThat(buffer).isEqualTo(plaintext);
        assertThat(decrypt.finish(16)).isEqualTo(tag);
    }

    // --- limits -------------------------------------------------------------------------------------------------

    @Test
    void maxContent_isTheLastBlockInc32CountsWithoutWrapping() {
        long blocks = StreamingGcm.MAX_CONTENT_BYTES / 16;

        assertThat(StreamingGcm.MAX_CONTENT_BYTES % 16).isZero();
        // the counter starts at 2 for the first block; the last block uses 2 + blocks - 1 = 2^32 - 1
        assertThat(2 + blocks - 1).isEqualTo((1L << 32) - 1);
    }

    @Test
    void checkLimit_acceptsUpToGcmsLimit_andRefusesOneByteMore() throws Exception {
        // Reaching the limit for real takes 64 GiB of updates; update() calls this check before anything else.
        StreamingGcm.checkLimit(StreamingGcm.MAX_CONTENT_BYTES - 16, 16);

        assertThatThrownBy(() -> StreamingGcm.checkLimit(StreamingGcm.MAX_CONTENT_BYTES - 16, 17))
                .isInstanceOf(IOException.class).hasMessageContaining("exceeds the AES-GCM limit of 68719476704 bytes");
        assertThatThrownBy(() -> StreamingGcm.checkLimit(StreamingGcm.MAX_CONTENT_BYTES, 1))
                .isInstanceOf(IOException.class);
    }

    @Test
    void create_refusesNonceOtherThanTwelveBytes() {
        assertThatThrownBy(() -> StreamingGcm.encrypting(new SecretKeySpec(bytes(32), "AES"), bytes(16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes, not 12");
    }

    @Test
    void finish_refusesTagsShorterThanTwelveBytes() throws Exception {
        StreamingGcm gcm = StreamingGcm.encrypting(new SecretKeySpec(bytes(32), "AES"), bytes(12));

        assertThatThrownBy(() -> gcm.finish(8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 to 16");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static SecretKeySpec aes(String hexKey) {
        return new SecretKeySpec(Hex.decode(hexKey), "AES");
    }

    private static byte[] inIrregularChunks(StreamingGcm gcm, byte[] input) throws IOException {
        byte[] out = new byte[input.length];
        for (int off = 0, i = 0; off < input.length; i++) {
            int n = Math.min(IRREGULAR_CHUNKS[i % IRREGULAR_CHUNKS.length], input.length - off);
            gcm.update(input, off, n, out, off);
            off += n;
        }
        return out;
    }

    private byte[] inRandomChunks(StreamingGcm gcm, byte[] input) throws IOException {
        byte[] out = new byte[input.length];
        for (int off = 0; off < input.length; ) {
            int n = Math.min(random.nextBoolean() ? random.nextInt(40) : random.nextInt(200_000), input.length - off);
            gcm.update(input, off, n, out, off);
            off += n;
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
