package org.evidencegateway.casesystem;

import static org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
import static org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.evidencegateway.archive.ArchiveLimits;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.open.OpeningPolicy;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.pki.CertificateBuilder;
import org.evidencegateway.pki.DistinguishedNames;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pkcs12KeySource;
import org.evidencegateway.trust.SigningDelegations;
import org.evidencegateway.trust.TestPki;
import org.evidencegateway.trust.TrustAnchors;

/**
 * Keys of a case system under test, in memory beside {@link TestPackages}'s PKI: the Ukrainian case system
 * {@code ua-case} (serving ua-pgo, to whom test packages are addressed), its TLS server certificate, the gateway
 * operator's CA with the gateway's TLS client certificate, and a client of that CA the receiver does not accept.
 */
public final class CaseSystemTestPki {
    public static final String PASSWORD = "changeit";
    public static final TestPki PKI = TestPackages.PKI;
    public static final CaseSystemIdentity IDENTITY = new CaseSystemIdentity("ua-case", Country.UA,
            Set.of("ua-pgo", "ua-npu"));
    /** Decrypts deliveries and signs acknowledgements, EC P-256. */
    public static final Credential CASE_KEY = TestPki.agency(PKI.uaRoot(), "ua-case", KeyType.EC_P256.generate(),
            keyAgreement | digitalSignature);
    public static final Credential CASE_TLS = tls(PKI.uaRoot(), "ua-case-tls", KeyPurposeId.id_kp_serverAuth);
    public static final Credential GW_ROOT = TestPki.root("gw-root-ca", "GW", KeyType.EC_P256.generate());
    public static final Credential GATEWAY_CLIENT = tls(GW_ROOT, "gateway-tls", KeyPurposeId.id_kp_clientAuth);
    /** Issued by the trusted operator CA, but not configured as accepted. */
    public static final Credential OTHER_CLIENT = tls(GW_ROOT, "other-tls", KeyPurposeId.id_kp_clientAuth);

    private CaseSystemTestPki() {
    }

    /** How the case system opens packages: its key, the UA/KZ anchors, at {@link TestPki#NOW}. */
    public static OpeningPolicy policy() {
        return new OpeningPolicy(List.of(CASE_KEY.recipientKey()), PKI.anchors(), SigningDelegations.selfOnly(),
                ArchiveLimits.DEFAULT, TestPki.CLOCK);
    }

    /** Anchors TLS clients are judged by: the operator's CA. */
    public static TrustAnchors clientAnchors() {
        return TrustAnchors.builder().root("GW", GW_ROOT.certificate()).build();
    }

    /** The HTTPS settings of a receiver on {@code port}, its TLS key written into {@code dir}. */
    public static HttpsSettings https(Path dir, int port) {
        Path keyStore = dir.resolve("ua-case-tls.p12");
        try {
            Pkcs12KeySource.write(keyStore, PASSWORD.toCharArray(), CASE_TLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HttpsSettings("127.0.0.1", port, keyStore, PASSWORD, List.of(GATEWAY_CLIENT.certificate()),
                clientAnchors(), TestPki.CLOCK);
    }

    /** A valid package from kz-gpo to ua-pgo under a fresh id, encrypted to the case system. */
    public static TestPackages delivery() {
        java.util.UUID id = java.util.UUID.randomUUID();
        return TestPackages.valid().encryptedTo(CASE_KEY).manifest(m -> m.toBuilder().packageId(id).build());
    }

    private static Credential tls(Credential issuer, String name, KeyPurposeId purpose) {
        KeyPair keys = KeyType.EC_P256.generate();
        X509Certificate cert = CertificateBuilder.of(DistinguishedNames.of(null, "Test TLS", null, name),
                        keys.getPublic())
                .validity(TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650)))
                .keyUsage(digitalSignature).extendedKeyUsage(false, purpose)
                .dnsNames("localhost").ipAddresses("127.0.0.1").issue(issuer);
        return new Credential(name, keys.getPrivate(), cert, List.of(cert, issuer.certificate()));
    }
}
