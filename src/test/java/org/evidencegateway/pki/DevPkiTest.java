package org.evidencegateway.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.Extension;
import org.evidencegateway.trust.AgencyIdentity;
import org.evidencegateway.trust.Pem;
import org.junit.jupiter.api.Test;

class DevPkiTest {
    static final List<String> ROOTS = List.of("ua-root-ca", "kz-root-ca", "gw-root-ca");
    static final List<String> PARTIES = List.of(
            "ua-pgo", "ua-npu", "kz-gpo", "kz-mvd", "ua-npu-revoked", "kz-mvd-expired",
            "gateway", "gateway-enc-rsa", "gateway-enc-ec", "auditor", "tsa", "ua-case", "kz-case",
            "gateway-tls", "ua-pgo-tls", "ua-npu-tls", "kz-gpo-tls", "kz-mvd-tls", "ua-case-tls", "kz-case-tls",
            "auditor-tls", "operator-tls");

    private final Path dir = GeneratedDevPki.dir();

    @Test
    void generate_writesExactlyTheDocumentedLayout() throws IOException {
        List<String> expected = new ArrayList<>();
        ROOTS.forEach(r -> expected.addAll(List.of(r + ".crt.pem", r + ".key.pem", r + ".crl.pem", r + ".crl")));
        PARTIES.forEach(p -> expected.addAll(List.of(p + ".crt.pem", p + ".key.pem", p + ".p12")));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void generate_agencyCertificateNamesItsAgencyAndMaySign() throws IOException {
        X509Certificate pgo = cert("ua-pgo");

        assertThat(AgencyIdentity.of(pgo)).contains(new AgencyIdentity("ua-pgo", "UA"));
        assertThat(AgencyIdentity.of(cert("kz-mvd"))).contains(new AgencyIdentity("kz-mvd", "KZ"));
        assertThat(pgo.getSubjectX500Principal().getName()).contains("CN=ua-pgo signing")
                .contains("O=Office of the Prosecutor General of Ukraine");
        assertThat(pgo.getKeyUsage()).startsWith(true, true, false);
        assertThat(pgo.getIssuerX500Principal()).isEqualTo(cert("ua-root-ca").getSubjectX500Principal());
    }

    @Test
    void generate_mixesKeyTypesAndHashes() throws IOException {
        assertThat(((RSAPublicKey) cert("ua-root-ca").getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(((RSAPublicKey) cert("ua-pgo").getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(curveBits(cert("kz-root-ca"))).isEqualTo(256);
        assertThat(curveBits(cert("ua-npu"))).isEqualTo(256);
        assertThat(curveBits(cert("gateway-enc-ec"))).isEqualTo(384);
        assertThat(cert("ua-pgo").getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(cert("kz-gpo").getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void generate_rootsAreCasWithKeyIdentifiers() throws IOException {
        for (String root : ROOTS) {
            X509Certificate cert = cert(root);
            assertThat(cert.getBasicConstraints()).as(root).isGreaterThanOrEqualTo(0);
            assertThat(cert.getKeyUsage()[5] && cert.getKeyUsage()[6]).as(root + " keyCertSign+cRLSign").isTrue();
            assertThat(cert.getExtensionValue(Extension.subjectKeyIdentifier.getId())).as(root).isNotNull();
            assertThat(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId())).as(root).isNotNull();
        }
    }

    @Test
    void generate_datesEverythingFromTheGenerationTime() throws IOException {
        Instant now = GeneratedDevPki.generatedAt().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate root = cert("ua-root-ca");
        X509CRL crl = Pem.readCrl(dir.resolve("ua-root-ca.crl.pem"));

        assertThat(root.getNotBefore().toInstant().atOffset(ZoneOffset.UTC).plusYears(20).toInstant())
                .isEqualTo(root.getNotAfter().toInstant());
        assertThat(cert(DevPki.EXPIRED).getNotAfter().toInstant()).isEqualTo(now.minus(Duration.ofDays(30)));
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(now);
        assertThat(crl.getRevokedCertificate(cert(DevPki.REVOKED)).getRevocationDate().toInstant())
                .isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(crl.getRevokedCertificate(cert(DevPki.REVOKED)).getRevocationReason())
                .isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificates()).hasSize(1);
    }

    @Test
    void generate_gatewayEncryptionAndTimestampingUsages() throws Exception {
        assertThat(cert("gateway-enc-rsa").getKeyUsage()[2]).as("keyEncipherment").isTrue();
        assertThat(cert("gateway-enc-ec").getKeyUsage()[4]).as("keyAgreement").isTrue();
        X509Certificate tsa = cert("tsa");
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
    }

    @Test
    void generate_tlsCertificatesServeLocalhost() throws Exception {
        assertThat(cert("gateway-tls").getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(cert("gateway-tls").getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(cert("ua-case-tls").getExtendedKeyUsage())
                .containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(cert("kz-case-tls").getSubjectAlternativeNames()).hasSize(2);
        assertThat(cert("kz-gpo-tls").getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(cert("kz-gpo-tls").getIssuerX500Principal())
                .isEqualTo(cert("kz-root-ca").getSubjectX500Principal());
    }

    @Test
    void openssl_acceptsGoodAgencyCertificateWithCrlCheck() {
        OpenSsl.Result result = verify("ua-root-ca", "ua-pgo");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ua-pgo.crt.pem: OK");
        assertThat(verify("kz-root-ca", "kz-gpo").exitCode()).isZero();
        assertThat(verify("gw-root-ca", "gateway-tls").exitCode()).isZero();
    }

    @Test
    void openssl_rejectsRevokedCertificate() {
        OpenSsl.Result result = verify("ua-root-ca", DevPki.REVOKED);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("certificate revoked");
    }

    @Test
    void openssl_rejectsExpiredCertificate() {
        OpenSsl.Result result = verify("kz-root-ca", DevPki.EXPIRED);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("certificate has expired");
    }

    @Test
    void openssl_readsPkcs12WithKeyAndChain() {
        OpenSsl.Result certsOnly = OpenSsl.run("pkcs12", "-in", path("ua-pgo.p12"), "-passin", "pass:changeit",
                "-nokeys");
        OpenSsl.Result withKey = OpenSsl.run("pkcs12", "-in", path("gateway-enc-ec.p12"), "-passin",
                "pass:changeit", "-nodes");

        assertThat(certsOnly.exitCode()).as(certsOnly.output()).isZero();
        assertThat(certsOnly.output()).contains("subject=", "CN = ua-root-ca").containsOnlyOnce("ua-pgo signing");
        assertThat(withKey.exitCode()).as(withKey.output()).isZero();
        assertThat(withKey.output()).contains("BEGIN PRIVATE KEY", "BEGIN CERTIFICATE");
    }

    @Test
    void openssl_readsDerCrlListingTheRevokedCertificate() throws IOException {
        OpenSsl.Result result = OpenSsl.run("crl", "-inform", "DER", "-in", path("ua-root-ca.crl"), "-noout",
                "-text");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsIgnoringCase(cert(DevPki.REVOKED).getSerialNumber().toString(16))
                .contains("Key Compromise", "X509v3 CRL Number", "X509v3 Authority Key Identifier");
    }

    @Test
    void openssl_readsPkcs8PrivateKeys() {
        OpenSsl.Result rsa = OpenSsl.run("pkey", "-in", path("ua-root-ca.key.pem"), "-noout", "-text");
        OpenSsl.Result ec = OpenSsl.run("pkey", "-in", path("gateway-enc-ec.key.pem"), "-noout", "-text");

        assertThat(rsa.output()).contains("Private-Key: (3072 bit");
        assertThat(ec.output()).contains("Private-Key: (384 bit");
    }

    @Test
    void issue_addsOnePartyBelowTheExistingRootKey_andWritesNothingElse(@org.junit.jupiter.api.io.TempDir Path other)
            throws Exception {
        // Given a folder holding only the gateway operator's root (certificate and key)
        for (String file : List.of("gw-root-ca.crt.pem", "gw-root-ca.key.pem")) {
            Files.copy(dir.resolve(file), other.resolve(file));
        }

        // When operator-tls is issued alone
        List<Path> written = DevPki.issue(other, "operator-tls", Instant.now());

        // Then its three files are there, its certificate issued by that root for TLS clients
        assertThat(written).extracting(f -> f.getFileName().toString())
                .containsExactly("operator-tls.crt.pem", "operator-tls.key.pem", "operator-tls.p12");
        X509Certificate operator = Pem.readCertificates(other.resolve("operator-tls.crt.pem")).get(0);
        X509Certificate root = Pem.readCertificates(other.resolve("gw-root-ca.crt.pem")).get(0);
        assertThat(org.evidencegateway.trust.Certificates.isIssuedBy(operator, root)).isTrue();
        assertThat(operator.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files).hasSize(5);
        }
    }

    @Test
    void issue_refusesANameThePkiDoesNotHave(@org.junit.jupiter.api.io.TempDir Path other) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DevPki.issue(other, "nobody-tls", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody-tls");
    }

    private OpenSsl.Result verify(String root, String party) {
        return OpenSsl.run("verify", "-CAfile", path(root + ".crt.pem"), "-CRLfile", path(root + ".crl.pem"),
                "-crl_check", path(party + ".crt.pem"));
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private X509Certificate cert(String name) throws IOException {
        return Pem.readCertificates(dir.resolve(name + ".crt.pem")).get(0);
    }

    private static int curveBits(X509Certificate cert) {
        return ((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize();
    }
}
