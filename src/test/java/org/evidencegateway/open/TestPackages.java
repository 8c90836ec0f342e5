package org.evidencegateway.open;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.evidencegateway.archive.ArchiveWriter;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.crypto.EnvelopeWriter;
import org.evidencegateway.crypto.SignedDataWriter;
import org.evidencegateway.crypto.Signer;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.ManifestCodec;
import org.evidencegateway.manifest.TestManifests;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.TestPki;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Builds evidence packages in memory for tests: a valid EVIDENCE package from kz-gpo to ua-pgo by default, with
 * knobs for every layer (signers, recipients, encryption, manifest, archive bytes) so that each failure mode is
 * one call away. Keys come from {@link TestPki#shared()}; the gateway's own keys are minted here.
 */
public final class TestPackages {
    public static final TestPki PKI = TestPki.shared();
    /** The gateway's key-transport key (RSA-3072) and key-agreement key (EC P-384). */
    public static final Credential GATEWAY_RSA = TestPki.agency(PKI.uaRoot(), "gateway-enc-rsa",
            KeyType.RSA_3072.generate(), org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment);
    public static final Credential GATEWAY_EC = TestPki.agency(PKI.kzRoot(), "gateway-enc-ec",
            KeyType.EC_P384.generate(), org.bouncycastle.asn1.x509.KeyUsage.keyAgreement);
    /** A case system's key the gateway does not hold; the case system signs its acknowledgements with it too. */
    public static final Credential OTHER_RECIPIENT = TestPki.agency(PKI.kzRoot(), "kz-case",
            KeyType.EC_P256.generate(), org.bouncycastle.asn1.x509.KeyUsage.keyAgreement
                    | org.bouncycastle.asn1.x509.KeyUsage.digitalSignature);

    private final Map<String, byte[]> items = new LinkedHashMap<>();
    private List<Signer> signers = List.of(PKI.kzGpo().signer());
    private List<X509Certificate> recipients = List.of(GATEWAY_RSA.certificate());
    private ContentEncryption encryption = ContentEncryption.DEFAULT;
    private Instant signingTime = TestPki.NOW;
    private UnaryOperator<Manifest> manifestEdit = UnaryOperator.identity();
    private byte[] archive;
    private UUID packageId;

    private TestPackages() {
        items.put("evidence/subscribers.csv", "msisdn,imsi\n+7-700-000-0001,401010000000001\n".getBytes(UTF_8));
        items.put("evidence/протокол-огляду.txt", "Протокол огляду (синтетичний)\n".getBytes(UTF_8));
    }

    /** A valid EVIDENCE package from kz-gpo (EC) to ua-pgo, encrypted to the gateway's RSA key with AES-256-GCM. */
    public static TestPackages valid() {
        return new TestPackages();
    }

    /** The opening policy of a gateway holding both gateway keys, at {@link TestPki#NOW}. */
    public static OpeningPolicy policy() {
        return new OpeningPolicy(List.of(GATEWAY_RSA.recipientKey(), GATEWAY_EC.recipientKey()), PKI.anchors(),
                org.evidencegateway.trust.SigningDelegations.selfOnly(),
                org.evidencegateway.archive.ArchiveLimits.DEFAULT, TestPki.CLOCK);
    }

    /** A valid EVIDENCE package the other way: from ua-pgo (EC), signed by it, to kz-gpo. */
    public static TestPackages validFromUkraine() {
        return valid().signedBy(PKI.uaPgo()).manifest(m -> m.toBuilder()
                .sender(TestManifests.UA_PGO).recipient(TestManifests.KZ_GPO).caseReference("TEST-UA-0000-0001")
                .build());
    }

    /** Gives the manifest this package id (applied after any {@link #manifest(UnaryOperator)} edit). */
    public TestPackages packageId(UUID id) {
        packageId = id;
        return this;
    }

    public TestPackages signedBy(Signer... newSigners) {
        signers = List.of(newSigners);
        return this;
    }

    public TestPackages signedBy(Credential... credentials) {
        signers = java.util.Arrays.stream(credentials).map(Credential::signer).toList();
        return this;
    }

    public TestPackages encryptedTo(Credential... credentials) {
        recipients = java.util.Arrays.stream(credentials).map(Credential::certificate).toList();
        return this;
    }

    public TestPackages encryption(ContentEncryption newEncryption) {
        encryption = newEncryption;
        return this;
    }

    public TestPackages signedAt(Instant time) {
        signingTime = time;
        return this;
    }

    /** Changes the manifest after the items were listed (to lie about them, or to name another sender). */
    public TestPackages manifest(UnaryOperator<Manifest> edit) {
        manifestEdit = edit;
        return this;
    }

    public TestPackages item(String path, byte[] content) {
        items.put(path, content);
        return this;
    }

    /** Uses these bytes as the inner archive instead of building one. */
    public TestPackages archive(byte[] zip) {
        archive = zip;
        return this;
    }

    /** The manifest as it will be written. */
    public Manifest manifest() {
        List<Item> listed = new ArrayList<>();
        items.forEach((path, content) -> listed.add(TestManifests.item(path, content)));
        Manifest edited = manifestEdit.apply(TestManifests.evidence(listed));
        return packageId == null ? edited : edited.toBuilder().packageId(packageId).build();
    }

    public byte[] manifestBytes() {
        return new ManifestCodec().write(manifest());
    }

    /** The inner ZIP. */
    public byte[] zip() {
        if (archive != null) {
            return archive;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArchiveWriter writer = new ArchiveWriter(out)) {
            writer.putManifest(manifestBytes());
            for (Map.Entry<String, byte[]> item : items.entrySet()) {
                try (OutputStream entry = writer.openEntry(item.getKey())) {
                    entry.write(item.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The SignedData ContentInfo over {@link #zip()}. */
    public byte[] signedData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream signed = SignedDataWriter.open(out, signers, signingTime)) {
            signed.write(zip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The whole package. */
    public byte[] build() {
        return encrypt(signedData());
    }

    /** Encrypts any plaintext the way {@link #build()} does, for fixtures that sign by other means. */
    public byte[] encrypt(byte[] plaintext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream envelope = EnvelopeWriter.open(out, recipients, encryption)) {
            envelope.write(plaintext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
