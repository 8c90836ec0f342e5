package org.evidencegateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamingGcmEncryptorTest {
    private final Random random = new Random(20260303);

    // --- agrees with the JDK and Bouncy Castle ------------------------------------------------------------------

    static Stream<Arguments> lengthsForEachReference() {
        return Stream.of(0, 1, 15, 16, 17, 65535, 65537, 1024 * 1024 + 3)
                .flatMap(length -> Arrays.stream(ReferenceGcm.values()).map(ref -> Arguments.of(length, ref)));
    }

    @ParameterizedTest(name = "{0} bytes against {1}")
    @MethodSource("lengthsForEachReference")
    void encrypt_givesTheSameCiphertextAndTagAsTheReference_forAnyLengthAndChunking(int length,
                                                                                     ReferenceGcm reference)
            throws Exception {
        byte[] plaintext = bytes(length);
        StreamingGcmEncryptor encryptor = StreamingGcmEncryptor.create(ContentEncryption.AES_256_GCM);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();

        writeInRandomChunks(encryptor.getOutputStream(ciphertext), plaintext);

        byte[] key = keyBytes(encryptor);
        byte[] nonce = GCMParameters.getInstance(encryptor.getAlgorithmIdentifier().getParameters()).getNonce();
        byte[] expected = reference.seal(key, nonce, 16, plaintext);
        assertThat(ciphertext.toByteArray()).as("ciphertext, without the tag")
                .isEqualTo(Arrays.copyOf(expected, length));
        assertThat(encryptor.getMAC()).isEqualTo(Arrays.copyOfRange(expected, length, length + 16));
    }

    @Test
    void envelope_opensWithBouncyCastlesOwnDecryptor() throws Exception {
        byte[] content = bytes(70_001);
        byte[] sealed = CryptoTestKeys.seal(content, CryptoTestKeys.RSA_RECIPIENT, ContentEncryption.AES_128_GCM);

        RecipientInformation recipient = new CMSAuthEnvelopedData(sealed).getRecipientInfos().getRecipients()
                .iterator().next();
        byte[] signedData = recipient.getContent(new JceKeyTransAuthEnvelopedRecipient(
                CryptoTestKeys.RSA_RECIPIENT.key()).setContentProvider(Providers.BC));

        assertThat(SignedDataReader.open(new ByteArrayInputStream(signedData)).content().readAllBytes())
                .isEqualTo(content);
    }

    // --- what it writes -----------------------------------------------------------------------------------------

    @Test
    void create_writesTwelveByteNonceAndSixteenByteTag_freshEachTime() throws Exception {
        GCMParameters first = parameters(StreamingGcmEncryptor.create(ContentEncryption.AES_256_GCM));
        GCMParameters second = parameters(StreamingGcmEncryptor.create(ContentEncryption.AES_256_GCM));

        assertThat(first.getNonce()).hasSize(12).isNotEqualTo(second.getNonce());
        assertThat(first.getIcvLen()).isEqualTo(16);
    }

    @Test
    void create_makesAKeyOfTheAlgorithmsSize() throws Exception {
        assertThat(keyBytes(StreamingGcmEncryptor.create(ContentEncryption.AES_128_GCM))).hasSize(16);
        assertThat(keyBytes(StreamingGcmEncryptor.create(ContentEncryption.AES_256_GCM))).hasSize(32);
    }

    @Test
    void create_refusesCbc() {
        assertThatThrownBy(() -> StreamingGcmEncryptor.create(ContentEncryption.AES_256_CBC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aes-256-cbc is not AES-GCM");
    }

    @Test
    void close_doesNotCloseTheCiphertextStream_andTheTagIsKnownOnlyAfterIt() throws Exception {
        StreamingGcmEncryptor encryptor = StreamingGcmEncryptor.create(ContentEncryption.AES_256_GCM);
        boolean[] closed = {false};
        OutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        OutputStream content = encryptor.getOutputStream(sink);
        content.write(bytes(100));

        assertThatThrownBy(encryptor::getMAC).isInstanceOf(IllegalStateException.class);
        content.close();
        assertThat(closed[0]).isFalse();
        assertThat(encryptor.getMAC()).hasSize(16);
        assertThatThrownBy(() -> content.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aadStream_refusesAuthenticatedAttributes() throws Exception {
        StreamingGcmEncryptor encryptor = StreamingGcmEncryptor.create(ContentEncryption.AES_256_GCM);

        assertThatThrownBy(() -> encryptor.getAADStream().write(new byte[] {0x31, 0x00}))
                .isInstanceOf(IOException.class).hasMessageContaining("authenticated attributes are not supported");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** JceGenericKey represents a key by its bytes. */
    private static byte[] keyBytes(StreamingGcmEncryptor encryptor) {
        return (byte[]) encryptor.getKey().getRepresentation();
    }

    private static GCMParameters parameters(StreamingGcmEncryptor encryptor) {
        return GCMParameters.getInstance(encryptor.getAlgorithmIdentifier().getParameters());
    }

    /** Writes with sizes from 0 bytes to 100 KiB, mixing in single-byte writes, then closes. */
    private void writeInRandomChunks(OutputStream out, byte[] data) throws IOException {
        for (int off = 0; off < data.length; ) {
            if (random.nextInt(10) == 0) {
                out.write(data[off++]);
                continue;
            }
            int n = Math.min(random.nextInt(100 * 1024), data.length - off);
            out.write(data, off, n);
            off += n;
        }
        out.close();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
