package org.evidencegateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.SimpleAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.evidencegateway.crypto.CryptoTestKeys.RecipientKind;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EnvelopeReaderTest {
    private static final byte[] CONTENT = content(200_003);

    // --- opens ----------------------------------------------------------------------------------------------------

    @Test
    void open_decryptsGcmPackage_withRsaRecipient() throws IOException {
        byte[] sealed = CryptoTestKeys.seal(CONTENT, CryptoTestKeys.RSA_RECIPIENT, ContentEncryption.AES_256_GCM);

        OpenedEnvelope opened = EnvelopeReader.open(new ByteArrayInputStream(sealed), List.of(CryptoTestKeys.RSA_RECIPIENT));

        assertThat(opened.encryption()).isEqualTo(ContentEncryption.AES_256_GCM);
        assertThat(opened.recipient()).isEqualTo(CryptoTestKeys.RSA_RECIPIENT.certificate());
        assertThat(signedContent(opened)).isEqualTo(CONTENT);
    }

    @Test
    void open_decryptsGcmPackage_withEcRecipient() throws IOException {
        byte[] sealed = CryptoTestKeys.seal(CONTENT, CryptoTestKeys.EC_RECIPIENT, ContentEncryption.AES_256_GCM);

        OpenedEnvelope opened = EnvelopeReader.open(new ByteArrayInputStream(sealed), List.of(CryptoTestKeys.EC_RECIPIENT));

        assertThat(opened.recipient()).isEqualTo(CryptoTestKeys.EC_RECIPIENT.certificate());
        assertThat(signedContent(opened)).isEqualTo(CONTENT);
    }

    @ParameterizedTest
    @MethodSource("everyEncryptionForEveryRecipientKind")
    void sealedPackage_roundTrips(ContentEncryption encryption, RecipientKind kind) throws IOException {
        for (byte[] content : List.of(new byte[0], content(1), CONTENT)) {
            byte[] sealed = CryptoTestKeys.seal(content, kind.key, encryption);

            OpenedEnvelope opened = EnvelopeReader.open(new ByteArrayInputStream(sealed), List.of(kind.key));
            SignedDataReader signed = SignedDataReader.open(opened.plaintext());

            assertThat(opened.encryption()).isEqualTo(encryption);
            assertThat(signed.content().readAllBytes()).isEqualTo(content);
            assertThat(signed.signers()).singleElement()
                    .satisfies(s -> assertThat(s.certificate()).isEqualTo(CryptoTestKeys.SIGNER.certificate()));
        }
    }

    @ParameterizedTest
    @EnumSource(RecipientKind.class)
    void open_decryptsGcmPackage_withSixteenByteNonce_throughBouncyCastle(RecipientKind kind) throws Exception {
        AlgorithmIdentifier sixteenByteNonce = new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM,
                new GCMParameters(content(16), 16));
        byte[] sealed = authEnveloped(sixteenByteNonce, null, kind.key);

        OpenedEnvelope opened = EnvelopeReader.open(new ByteArrayInputStream(sealed), List.of(kind.key));

        assertThat(opened.plaintext().readAllBytes()).isEqualTo(CONTENT);
    }

    // --- refuses --------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(RecipientKind.class)
    void open_rejectsAlteredTag(RecipientKind kind) throws Exception {
        byte[] sealed = CryptoTestKeys.seal(CONTENT, kind.key, ContentEncryption.AES_256_GCM);
        byte[] tag = new CMSAuthEnvelopedData(sealed).getMac();
        sealed[lastIndexOf(sealed, tag) + tag.length - 1] ^= 1;

        CodedException failure = readFailure(sealed, kind.key);

        assertThat(failure.code()).isEqualTo(ErrorCode.ENC_INTEGRITY);
        assertThat(failure).hasMessageContaining("authentication tag does not match");
    }

    @ParameterizedTest
    @EnumSource(RecipientKind.class)
    void open_rejectsAlteredCiphertext(RecipientKind kind) {
        byte[] sealed = CryptoTestKeys.seal(CONTENT, kind.key, ContentEncryption.AES_256_GCM);
        sealed[sealed.length / 3] ^= 0x10;

        CodedException failure = readFailure(sealed, kind.key);

        assertThat(failure.code()).isEqualTo(ErrorCode.ENC_INTEGRITY);
        assertThat(failure).hasMessageContaining("authentication tag does not match");
    }

    @ParameterizedTest
    @EnumSource(RecipientKind.class)
    void open_rejectsTruncatedPackage(RecipientKind kind) {
        byte[] sealed = CryptoTestKeys.seal(CONTENT, kind.key, ContentEncryption.AES_256_GCM);

        for (int length : new int[] {sealed.length / 2, sealed.length - 40, sealed.length - 1}) {
            CodedException failure = readFailure(Arrays.copyOf(sealed, length), kind.key);

            assertThat(failure.code()).as("cut to %d of %d bytes", length, sealed.length)
                    .isEqualTo(ErrorCode.PKG_TRUNCATED);
        }
    }

    @Test
    void open_rejectsAuthenticatedAttributes() throws Exception {
        AlgorithmIdentifier gcm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM,
                new GCMParameters(content(12), 16));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.signedData)));
        byte[] sealed = authEnveloped(gcm, new AttributeTable(attributes), CryptoTestKeys.RSA_RECIPIENT);

        CodedException failure = readFailure(sealed, CryptoTestKeys.RSA_RECIPIENT);

        assertThat(failure.code()).isEqualTo(ErrorCode.ENC_INTEGRITY);
        assertThat(failure).hasMessageContaining("authenticated attributes are not supported");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    static Stream<Arguments> everyEncryptionForEveryRecipientKind() {
        return Arrays.stream(ContentEncryption.values())
                .flatMap(e -> Arrays.stream(RecipientKind.values()).map(k -> Arguments.of(e, k)));
    }

    private static byte[] signedContent(OpenedEnvelope opened) throws IOException {
        SignedDataReader signed = SignedDataReader.open(opened.plaintext());
        byte[] content = signed.content().readAllBytes();
        assertThat(signed.signers()).hasSize(1);
        return content;
    }

    /** Opens the package and reads its plaintext to the end, expecting the coded failure that stops it. */
    private static CodedException readFailure(byte[] sealed, RecipientKey key) {
        return catchThrowableOfType(CodedException.class, () -> {
            OpenedEnvelope opened = EnvelopeReader.open(new ByteArrayInputStream(sealed), List.of(key));
            try (InputStream plaintext = opened.plaintext()) {
                plaintext.transferTo(OutputStream.nullOutputStream());
            }
        });
    }

    /** AuthEnvelopedData of {@link #CONTENT} that our writer would not produce: other parameters, or authAttrs. */
    private static byte[] authEnveloped(AlgorithmIdentifier algorithm, AttributeTable authAttrs, RecipientKey recipient)
            throws Exception {
        CMSAuthEnvelopedDataStreamGenerator generator = new CMSAuthEnvelopedDataStreamGenerator();
        generator.addRecipientInfoGenerator(EnvelopeWriter.recipientInfo(recipient.certificate()));
        if (authAttrs != null) {
            generator.setAuthenticatedAttributeGenerator(new SimpleAttributeTableGenerator(authAttrs));
        }
        OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(algorithm)
                .setProvider(Providers.BC).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream plaintext = generator.open(out, encryptor)) {
            plaintext.write(CONTENT);
        }
        return out.toByteArray();
    }

    private static int lastIndexOf(byte[] data, byte[] part) {
        for (int i = data.length - part.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static byte[] content(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
