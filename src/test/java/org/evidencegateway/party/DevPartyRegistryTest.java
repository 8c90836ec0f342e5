package org.evidencegateway.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.evidencegateway.config.GatewayConfig;
import org.evidencegateway.trust.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The development registry (src/main/config/parties.yaml) loads against the committed PKI in certs/ and says what
 * the demo relies on; it uses certs/ on purpose, at the real time, as the demo does.
 */
class DevPartyRegistryTest {
    private static final Path CERTS = Path.of("certs");
    private static PartyRegistry registry;

    @BeforeAll
    static void load() {
        registry = PartyRegistry.load(GatewayConfig.from(Map.of()).get(GatewayConfig.PARTIES_FILE));
    }

    @Test
    void devRegistry_authenticatesEveryTlsClientOfThePki() throws IOException {
        for (String party : new String[] {"ua-pgo", "ua-npu", "kz-gpo", "kz-mvd", "ua-case", "kz-case", "auditor"}) {
            assertThat(registry.requireTlsClient(certificate(party + "-tls")).id()).isEqualTo(party);
        }
        assertThat(registry.requireTlsClient(certificate("operator-tls")).id()).isEqualTo("gw-operator");
        assertThat(registry.tlsClientCertificates()).hasSize(8);
    }

    @Test
    void devRegistry_registersTheRevokedAndExpiredKeysSoThatTrustChecksRefuseThem() throws IOException {
        assertThat(registry.byId("ua-npu").orElseThrow()
                .signingCertificate(RegisteredCertificate.sha256(certificate("ua-npu-revoked")))).isPresent();
        assertThat(registry.byId("kz-mvd").orElseThrow()
                .signingCertificate(RegisteredCertificate.sha256(certificate("kz-mvd-expired")))).isPresent();
    }

    @Test
    void devRegistry_letsAgenciesAddressOnlyTheOtherCountry() {
        for (String ua : new String[] {"ua-pgo", "ua-npu"}) {
            assertThat(registry.byId(ua).orElseThrow().mayAddress()).containsExactly("kz-gpo", "kz-mvd");
        }
        for (String kz : new String[] {"kz-gpo", "kz-mvd"}) {
            assertThat(registry.byId(kz).orElseThrow().mayAddress()).containsExactly("ua-npu", "ua-pgo");
        }
    }

    @Test
    void devRegistry_deliversToTheCaseSystemOfEachCountry() throws IOException {
        RegisteredParty uaCase = registry.caseSystemFor("ua-npu").orElseThrow();
        assertThat(uaCase.id()).isEqualTo("ua-case");
        assertThat(uaCase.delivery().protocol()).isEqualTo(DeliveryProtocol.REST);
        assertThat(uaCase.delivery().endpoint()).hasToString("https://127.0.0.1:9443/api/v1/deliveries");
        assertThat(uaCase.delivery().encryptionCertificate()).isEqualTo(certificate("ua-case"));

        RegisteredParty kzCase = registry.caseSystemFor("kz-mvd").orElseThrow();
        assertThat(kzCase.id()).isEqualTo("kz-case");
        assertThat(kzCase.delivery().protocol()).isEqualTo(DeliveryProtocol.SOAP);
        assertThat(kzCase.delivery().endpoint()).hasToString("https://127.0.0.1:9444/soap/case-system");
        assertThat(registry.caseSystemFor("kz-gpo")).contains(kzCase);
    }

    @Test
    void devRegistry_hasOneAuditorOneOperatorAndNoDelegations() {
        assertThat(registry.byId("auditor").orElseThrow().role()).isEqualTo(Role.AUDITOR);
        assertThat(registry.byId("gw-operator").orElseThrow().role()).isEqualTo(Role.OPERATOR);
        assertThat(registry.signingDelegations().maySignFor("ua-pgo", "ua-npu")).isFalse();
    }

    private static X509Certificate certificate(String name) throws IOException {
        return Pem.readCertificates(CERTS.resolve(name + ".crt.pem")).get(0);
    }
}
