package org.evidencegateway.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evidencegateway.party.RegistryFixture.cert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartyRegistryTest {
    private static final Instant NOW = TestPki.NOW;

    @TempDir
    Path dir;
    RegistryFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = RegistryFixture.valid(dir);
    }

    @Test
    void byId_findsPartyWithEveryField() {
        PartyRegistry registry = load(NOW);

        RegisteredParty uaPgo = registry.byId("ua-pgo").orElseThrow();
        assertThat(uaPgo.country()).isEqualTo(Country.UA);
        assertThat(uaPgo.role()).isEqualTo(Role.AGENCY);
        assertThat(uaPgo.displayName()).isEqualTo("Test party ua-pgo");
        assertThat(uaPgo.signingCertificates()).extracting(RegisteredCertificate::certificate)
                .containsExactly(TestPki.shared().uaPgo().certificate());
        assertThat(uaPgo.mayAddress()).containsExactly("kz-gpo");
        assertThat(uaPgo.maySignFor()).containsExactly("ua-npu");
        assertThat(registry.byId("auditor").orElseThrow().country()).isNull();
        assertThat(registry.byId("ua-sbu")).isEmpty();
    }

    @Test
    void caseSystemFor_findsTheCaseSystemServingTheAgency() {
        PartyRegistry registry = load(NOW);

        RegisteredParty uaCase = registry.caseSystemFor("ua-npu").orElseThrow();
        assertThat(uaCase.id()).isEqualTo("ua-case");
        assertThat(uaCase.delivery().protocol()).isEqualTo(DeliveryProtocol.REST);
        assertThat(uaCase.delivery().endpoint()).hasToString("https://case.example.ua/deliveries");
        assertThat(uaCase.delivery().encryptionCertificate()).isEqualTo(RegistryFixture.UA_CASE.certificate());
        assertThat(registry.caseSystemFor("kz-gpo").orElseThrow().delivery().protocol())
                .isEqualTo(DeliveryProtocol.SOAP);
        assertThat(registry.caseSystemFor("ua-transfer")).isEmpty();
    }

    @Test
    void tlsClientCertificates_listsEveryRegisteredTlsClient() {
        assertThat(load(NOW).tlsClientCertificates()).containsExactlyInAnyOrder(
                RegistryFixture.UA_PGO_TLS.certificate(), RegistryFixture.KZ_GPO_TLS.certificate(),
                RegistryFixture.UA_TRANSFER_TLS.certificate(), RegistryFixture.AUDITOR_TLS.certificate());
    }

    @Test
    void signingDelegations_followMaySignFor() {
        var delegations = load(NOW).signingDelegations();

        assertThat(delegations.maySignFor("ua-pgo", "ua-npu")).isTrue();
        assertThat(delegations.maySignFor("ua-npu", "ua-pgo")).isFalse();
        assertThat(delegations.maySignFor("kz-gpo", "kz-gpo")).isTrue();
    }

    @Test
    void requireTlsClient_findsThePartyOfARegisteredCertificate() {
        assertThat(load(NOW).requireTlsClient(RegistryFixture.UA_PGO_TLS.certificate()).id()).isEqualTo("ua-pgo");
        assertThat(load(NOW).requireTlsClient(RegistryFixture.AUDITOR_TLS.certificate()).role())
                .isEqualTo(Role.AUDITOR);
    }

    @Test
    void requireTlsClient_refusesUnregisteredCertificateNamingSubjectAndFingerprint() {
        // a signing certificate is not a TLS client certificate, even of a registered agency
        X509Certificate signing = TestPki.shared().uaPgo().certificate();

        assertThatThrownBy(() -> load(NOW).requireTlsClient(signing))
                .isInstanceOfSatisfying(AuthorizationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_UNKNOWN_CLIENT))
                .hasMessageContaining(signing.getSubjectX500Principal().getName())
                .hasMessageContaining(RegisteredCertificate.sha256(signing));
    }

    @Test
    void requireTlsClient_acceptsTheWindowsBoundariesInclusive() {
        Instant from = NOW.minus(Duration.ofDays(5));
        Instant until = NOW.plus(Duration.ofDays(5));
        registerShortLived(from.toString(), until.toString());

        assertThat(load(from).requireTlsClient(RegistryFixture.SHORT_LIVED_TLS.certificate()).id())
                .isEqualTo("kz-gpo");
        assertThat(load(until).requireTlsClient(RegistryFixture.SHORT_LIVED_TLS.certificate()).id())
                .isEqualTo("kz-gpo");
    }

    @Test
    void requireTlsClient_refusesJustOutsideTheWindow() {
        Instant from = NOW.minus(Duration.ofDays(5));
        Instant until = NOW.plus(Duration.ofDays(5));
        registerShortLived(from.toString(), until.toString());

        assertRefusedAt(from.minusMillis(1), "registered for kz-gpo only from " + from + " until " + until);
        assertRefusedAt(until.plusMillis(1), "not at " + until.plusMillis(1));
    }

    @Test
    void requireTlsClient_limitsAWiderWindowToTheCertificatesValidity() {
        Instant notBefore = RegistryFixture.SHORT_LIVED_TLS.certificate().getNotBefore().toInstant();
        Instant notAfter = RegistryFixture.SHORT_LIVED_TLS.certificate().getNotAfter().toInstant();
        registerShortLived(notBefore.minus(Duration.ofDays(30)).toString(), null);

        assertThat(load(notBefore).requireTlsClient(RegistryFixture.SHORT_LIVED_TLS.certificate()).id())
                .isEqualTo("kz-gpo");
        assertThat(load(notAfter).requireTlsClient(RegistryFixture.SHORT_LIVED_TLS.certificate()).id())
                .isEqualTo("kz-gpo");
        assertRefusedAt(notBefore.minusMillis(1), "only from " + notBefore + " until " + notAfter);
        assertRefusedAt(notAfter.plusMillis(1), "only from " + notBefore + " until " + notAfter);
    }

    @Test
    void load_resolvesAbsoluteCertificatePathsAsTheyAre() throws IOException {
        Path absolute = Files.createDirectories(dir.resolve("elsewhere")).resolve("auditor.pem").toAbsolutePath();
        Pem.write(absolute, RegistryFixture.AUDITOR_TLS.certificate());
        fixture.party("auditor").put("tlsClientCertificates", List.of(cert(absolute.toString())));

        assertThat(load(NOW).requireTlsClient(RegistryFixture.AUDITOR_TLS.certificate()).id())
                .isEqualTo("auditor");
    }

    @Test
    void load_resolvesRelativePathsAgainstTheRegistryFolderWithoutCertificateDir() {
        fixture.document().remove("certificateDir");
        prefixFiles(fixture.document(), "certs/");

        assertThat(load(NOW).byId("ua-case").orElseThrow().delivery().encryptionCertificate())
                .isEqualTo(RegistryFixture.UA_CASE.certificate());
    }

    private void registerShortLived(String validFrom, String validUntil) {
        Map<String, Object> entry = cert("short-lived-tls.crt.pem");
        entry.put("validFrom", validFrom);
        if (validUntil != null) {
            entry.put("validUntil", validUntil);
        }
        fixture.party("kz-gpo").put("tlsClientCertificates", List.of(cert("kz-gpo-tls.crt.pem"), entry));
    }

    private void assertRefusedAt(Instant now, String fragment) {
        PartyRegistry registry = load(now);
        assertThatThrownBy(() -> registry.requireTlsClient(RegistryFixture.SHORT_LIVED_TLS.certificate()))
                .isInstanceOfSatisfying(AuthorizationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_UNKNOWN_CLIENT))
                .hasMessageContaining(fragment);
    }

    private PartyRegistry load(Instant now) {
        return PartyRegistry.load(fixture.write(), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Prefixes every certificate file name, at any depth, with {@code prefix}. */
    @SuppressWarnings("unchecked")
    private static void prefixFiles(Object node, String prefix) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            m.replaceAll((key, value) -> ("file".equals(key) || "encryptionCertificate".equals(key))
                    && value instanceof String s ? prefix + s : value);
            m.values().forEach(v -> prefixFiles(v, prefix));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> prefixFiles(v, prefix));
        }
    }
}
