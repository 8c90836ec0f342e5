package org.evidencegateway.open;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.evidencegateway.archive.ZipFixtures;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Kind;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.manifest.TestManifests;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.TestPki;

/**
 * The bad-input corpus: one generated package per failure mode, each with the one error code it must produce.
 *
 * <p>The recipe of every fixture is its constructor argument below — nothing here is hand-edited bytes. Transports
 * (REST, SOAP) reuse this corpus to prove that every refusal reaches the sender with its code.
 */
public enum BadPackage {
    EMPTY_FILE(ErrorCode.PKG_EMPTY, () -> new byte[0]),
    NOT_CMS(ErrorCode.PKG_NOT_CMS, () -> "This is a text file, not an evidence package.\n".getBytes(UTF_8)),
    TRUNCATED(ErrorCode.PKG_TRUNCATED, () -> {
        byte[] pkg = TestPackages.valid().build();
        return Arrays.copyOf(pkg, pkg.length * 2 / 3);
    }),
    SIGNED_BUT_NOT_ENCRYPTED(ErrorCode.PKG_CONTENT_TYPE, () -> TestPackages.valid().signedData()),
    TAMPERED_CIPHERTEXT(ErrorCode.ENC_INTEGRITY, () -> flipByte(TestPackages.valid().build(), 3, 4)),
    WRONG_RECIPIENT(ErrorCode.ENC_NO_RECIPIENT,
            () -> TestPackages.valid().encryptedTo(TestPackages.OTHER_RECIPIENT).build()),
    TRIPLE_DES(ErrorCode.ALG_CONTENT_ENCRYPTION, () -> legacyEnvelope(TestPackages.valid().signedData(), true)),
    RSA_PKCS1_KEY_TRANSPORT(ErrorCode.ALG_KEY_ENCRYPTION,
            () -> legacyEnvelope(TestPackages.valid().signedData(), false)),
    TAMPERED_SIGNED_CONTENT(ErrorCode.SIG_CONTENT_ALTERED, BadPackage::tamperedSignedContent),
    SHA1_SIGNATURE(ErrorCode.ALG_DIGEST, () -> signedWith(TestPackages.PKI.kzGpo(), "SHA1withECDSA")),
    RSA_1024_SIGNER(ErrorCode.ALG_KEY_SIZE, () -> TestPackages.valid().signedBy(TestPackages.PKI.uaPgoRsa1024()).build()),
    UNTRUSTED_SIGNER(ErrorCode.TRUST_UNTRUSTED, () -> TestPackages.valid().signedBy(rogueKzGpo()).build()),
    SIGNER_FROM_OTHER_COUNTRY(ErrorCode.TRUST_UNTRUSTED,
            () -> TestPackages.valid().signedBy(TestPackages.PKI.uaPgo()).build()),
    EXPIRED_SIGNER(ErrorCode.TRUST_NOT_VALID_AT_SIGNING_TIME,
            () -> TestPackages.valid().signedBy(TestPackages.PKI.kzMvdExpired()).build()),
    REVOKED_SIGNER(ErrorCode.TRUST_REVOKED, () -> TestPackages.valid()
            .manifest(m -> m.toBuilder().sender(new Party(Country.UA, "ua-npu"))
                    .recipient(new Party(Country.KZ, "kz-gpo")).build())
            .signedBy(TestPackages.PKI.uaNpuKeyCompromised()).build()),
    SIGNER_NOT_SENDER(ErrorCode.AUTH_SIGNER_NOT_SENDER,
            () -> TestPackages.valid().signedBy(TestPackages.PKI.kzMvd()).build()),
    NO_MANIFEST(ErrorCode.MAN_MISSING, () -> TestPackages.valid()
            .archive(ZipFixtures.archive().file("evidence/subscribers.csv", "msisdn\n".getBytes(UTF_8)).build())
            .build()),
    SIGNED_CONTENT_NOT_ZIP(ErrorCode.ZIP_MALFORMED, () -> TestPackages.valid()
            .archive("plain text where a ZIP archive belongs".getBytes(UTF_8)).build()),
    MANIFEST_HASH_MISMATCH(ErrorCode.ITEM_DIGEST, () -> TestPackages.valid()
            .manifest(m -> withItems(m, replaceFirst(m.items(), i -> new Item(i.path(), "0".repeat(64), i.size(),
                    i.mediaType(), i.description(), i.acquisition(), i.custody())))).build()),
    MANIFEST_SIZE_MISMATCH(ErrorCode.ITEM_SIZE, () -> TestPackages.valid()
            .manifest(m -> withItems(m, replaceFirst(m.items(), i -> new Item(i.path(), i.sha256(), i.size() - 1,
                    i.mediaType(), i.description(), i.acquisition(), i.custody())))).build()),
    MISSING_ITEM(ErrorCode.ITEM_MISSING, () -> TestPackages.valid()
            .manifest(m -> withItems(m, plus(m.items(), new Item("evidence/missing.bin", "0".repeat(64), 1,
                    "application/octet-stream", "listed but absent", null, List.of())))).build()),
    UNLISTED_ENTRY(ErrorCode.ZIP_UNLISTED, () -> TestPackages.valid()
            .manifest(m -> withItems(m, m.items().subList(0, 1))).build()),
    ZIP_SLIP(ErrorCode.ZIP_UNSAFE_PATH, () -> hostile(ZipFixtures.Hostile::zipSlip)),
    SYMLINK_ENTRY(ErrorCode.ZIP_LINK, () -> hostile(ZipFixtures.Hostile::symlink,
            TestManifests.item("evidence/passwd", "/etc/passwd".getBytes(UTF_8)))),
    DUPLICATE_ENTRY(ErrorCode.ZIP_DUPLICATE, () -> hostile(ZipFixtures.Hostile::caseFoldDuplicate,
            TestManifests.item("evidence/ПРОТОКОЛ.txt", "evidence".getBytes(UTF_8)))),
    ZIP_BOMB(ErrorCode.ZIP_RATIO, BadPackage::zipBomb);

    private final ErrorCode expected;
    private final Supplier<byte[]> recipe;

    BadPackage(ErrorCode expected, Supplier<byte[]> recipe) {
        this.expected = expected;
        this.recipe = recipe;
    }

    /** The code opening this package must fail with. */
    public ErrorCode expected() {
        return expected;
    }

    /** Generates the package bytes (fresh each call). */
    public byte[] bytes() {
        return recipe.get();
    }

    private static byte[] flipByte(byte[] data, int numerator, int denominator) {
        return flipAt(data, data.length * numerator / denominator);
    }

    /** Flips a bit inside the ZIP as it sits in the SignedData, then encrypts the result validly. */
    private static byte[] tamperedSignedContent() {
        TestPackages pkg = TestPackages.valid();
        byte[] zip = pkg.zip();
        pkg.archive(zip);
        byte[] signed = pkg.signedData();
        int at = indexOf(signed, Arrays.copyOf(zip, 30));
        return pkg.encrypt(flipAt(signed, at + zip.length / 2));
    }

    private static byte[] flipAt(byte[] data, int index) {
        byte[] copy = data.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalStateException("the ZIP is not stored contiguously in the SignedData");
    }

    /** The default package, but signed with any JCA signature algorithm (to offer refused ones). */
    private static byte[] signedWith(Credential signer, String jcaAlgorithm) {
        TestPackages pkg = TestPackages.valid();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(jcaAlgorithm).build(signer.privateKey()), signer.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
            try (OutputStream content = generator.open(out, true)) {
                content.write(pkg.zip());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return pkg.encrypt(out.toByteArray());
    }

    /** EnvelopedData the gateway must refuse: 3DES content encryption, or RSA PKCS#1 v1.5 key transport. */
    private static byte[] legacyEnvelope(byte[] plaintext, boolean tripleDes) {
        X509Certificate gateway = TestPackages.GATEWAY_RSA.certificate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(gateway));
            var encryptor = new JceCMSContentEncryptorBuilder(tripleDes ? CMSAlgorithm.DES_EDE3_CBC : CMSAlgorithm.AES256_CBC)
                    .build();
            try (OutputStream content = generator.open(out, encryptor)) {
                content.write(plaintext);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static Credential rogueKzGpo() {
        Credential rogueRoot = TestPki.root("kz-root-ca", "KZ", KeyType.EC_P256.generate());
        return TestPki.agency(rogueRoot, "kz-gpo", KeyType.EC_P256.generate(),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    /** A hostile archive whose manifest lists {@code listed}, so that the archive's own defect is what is found. */
    private static byte[] hostile(Function<ZipFixtures.Hostile, byte[]> fixture, Item... listed) {
        // A NOTICE may list no items at all.
        TestPackages pkg = TestPackages.valid()
                .manifest(m -> m.toBuilder().kind(Kind.NOTICE).items(List.of(listed)).build());
        return pkg.archive(fixture.apply(ZipFixtures.withManifest(pkg.manifestBytes()))).build();
    }

    /** The bomb entry is listed with its true size, so only the expansion ratio can stop it. */
    private static byte[] zipBomb() {
        TestPackages pkg = TestPackages.valid().manifest(m -> withItems(m, List.of(new Item("evidence/disk.img",
                "0".repeat(64), 256L << 20, "application/octet-stream", "disk image", null, List.of()))));
        return pkg.archive(ZipFixtures.withManifest(pkg.manifestBytes()).zipBomb()).build();
    }

    private static Manifest withItems(Manifest manifest, List<Item> items) {
        return manifest.toBuilder().items(items).build();
    }

    private static List<Item> replaceFirst(List<Item> items, UnaryOperator<Item> change) {
        List<Item> copy = new ArrayList<>(items);
        copy.set(0, change.apply(copy.get(0)));
        return copy;
    }

    private static List<Item> plus(List<Item> items, Item extra) {
        List<Item> copy = new ArrayList<>(items);
        copy.add(extra);
        return copy;
    }
}
