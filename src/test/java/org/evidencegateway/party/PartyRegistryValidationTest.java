package org.evidencegateway.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evidencegateway.party.RegistryFixture.cert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.PartyRegistryException;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One generated registry per failure mode: the valid fixture with exactly one thing broken. */
class PartyRegistryValidationTest {
    @TempDir
    Path dir;
    RegistryFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = RegistryFixture.valid(dir);
    }

    @Test
    void load_acceptsTheValidFixture() {
        PartyRegistry registry = PartyRegistry.load(fixture.write(), TestPki.CLOCK);

        assertThat(registry.parties()).extracting(RegisteredParty::id).containsExactly("ua-pgo", "ua-npu",
                "kz-gpo", "ua-transfer", "ua-case", "kz-case", "auditor", "operator");
    }

    @Test
    void load_rejectsMissingFile() {
        assertThatThrownBy(() -> PartyRegistry.load(dir.resolve("absent.yaml")))
                .isInstanceOfSatisfying(PartyRegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PARTY_REGISTRY_INVALID))
                .hasMessageContaining("absent.yaml").hasMessageContaining("cannot be read");
    }

    @Test
    void load_rejectsEmptyFile() throws IOException {
        Path file = Files.writeString(dir.resolve("parties.yaml"), "# nothing yet\n");

        assertInvalid(file, "parties: at least one party is required");
    }

    @Test
    void load_rejectsYamlSyntaxErrorNamingTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("parties.yaml"), "parties:\n  - id: [ua-pgo\n");

        assertInvalid(file, "line ");
    }

    @Test
    void load_rejectsUnknownKey() {
        fixture.party("ua-pgo").put("mayAdress", List.of("kz-gpo"));

        assertInvalid("parties[0].mayAdress", "unknown key \"mayAdress\"");
    }

    @Test
    void load_rejectsSingleValueWhereAListBelongs() {
        fixture.party("ua-pgo").put("mayAddress", "kz-gpo");

        assertInvalid("(parties[0].mayAddress): expected a list");
    }

    @Test
    void load_rejectsKeyGivenTwice() throws IOException {
        Path file = Files.writeString(dir.resolve("parties.yaml"), """
                parties:
                  - id: auditor
                    displayName: Auditor
                    role: AUDITOR
                    role: OPERATOR
                """);

        assertInvalid(file, "line 5", "Duplicate field 'role'");
    }

    @Test
    void load_rejectsMissingCertificateDir() {
        fixture.document().put("certificateDir", "no-such-folder");

        assertInvalid("certificateDir", "no-such-folder", "is not a folder");
    }

    @Test
    void load_rejectsPartyWithoutId() {
        fixture.party("auditor").remove("id");

        assertInvalid("parties[6], id: required");
    }

    @Test
    void load_rejectsIdOfWrongShape() {
        fixture.party("auditor").put("id", "Auditor One");

        assertInvalid("parties[6], id:", "\"Auditor One\"");
    }

    @Test
    void load_rejectsDuplicateId() {
        fixture.party("auditor").put("id", "operator");

        assertInvalid("party operator, id: the id is used twice");
    }

    @Test
    void load_rejectsUnknownRole() {
        fixture.party("auditor").put("role", "AUDITORS");

        assertInvalid("party auditor, role:", "AGENCY, CASE_SYSTEM, AUDITOR, OPERATOR", "\"AUDITORS\"");
    }

    @Test
    void load_rejectsAgencyWithoutCountry() {
        fixture.party("ua-npu").remove("country");

        assertInvalid("party ua-npu, country: required for AGENCY");
    }

    @Test
    void load_rejectsUnknownCountry() {
        fixture.party("ua-npu").put("country", "PL");

        assertInvalid("party ua-npu, country:", "[UA, KZ]", "\"PL\"");
    }

    @Test
    void load_rejectsAgencyIdNotStartingWithItsCountry() {
        fixture.party("ua-npu").put("country", "KZ");

        assertInvalid("party ua-npu, id:", "must start with \"kz-\"");
    }

    @Test
    void load_rejectsOperatorWithCountry() {
        fixture.party("operator").put("country", "UA");

        assertInvalid("party operator, country: an OPERATOR belongs to no country");
    }

    @Test
    void load_rejectsMissingDisplayName() {
        fixture.party("kz-gpo").put("displayName", " ");

        assertInvalid("party kz-gpo, displayName: required");
    }

    @Test
    void load_rejectsSigningCertificatesOfNonAgency() {
        fixture.party("auditor").put("signingCertificates", List.of(cert("ua-pgo.crt.pem")));

        assertInvalid("party auditor, signingCertificates: only AGENCY parties", "this one is AUDITOR");
    }

    @Test
    void load_rejectsMayAddressOfCaseSystem() {
        fixture.party("ua-case").put("mayAddress", List.of("kz-gpo"));

        assertInvalid("party ua-case, mayAddress: only AGENCY parties");
    }

    @Test
    void load_rejectsMaySubmitForOfAuditor() {
        fixture.party("auditor").put("maySubmitFor", List.of("ua-pgo"));

        assertInvalid("party auditor, maySubmitFor: only AGENCY and CASE_SYSTEM parties");
    }

    @Test
    void load_rejectsDeliveryOfAgency() {
        fixture.party("ua-npu").put("delivery", fixture.party("ua-case").get("delivery"));

        assertInvalid("party ua-npu, delivery: only CASE_SYSTEM parties");
    }

    @Test
    void load_rejectsServesOfAgency() {
        fixture.party("ua-npu").put("serves", List.of("ua-pgo"));

        assertInvalid("party ua-npu, serves: only CASE_SYSTEM parties");
    }

    @Test
    void load_rejectsCaseSystemWithoutDelivery() {
        fixture.party("kz-case").remove("delivery");

        assertInvalid("party kz-case, delivery: a CASE_SYSTEM must say how");
    }

    @Test
    void load_rejectsCaseSystemServingNoOne() {
        fixture.party("kz-case").put("serves", List.of());

        assertInvalid("party kz-case, serves: a CASE_SYSTEM must serve at least one agency");
    }

    @Test
    void load_rejectsUnknownDeliveryProtocol() {
        delivery("kz-case").put("protocol", "FTP");

        assertInvalid("party kz-case, delivery.protocol:", "\"FTP\"");
    }

    @Test
    void load_rejectsPlainHttpEndpoint() {
        delivery("kz-case").put("endpoint", "http://case.example.kz/soap");

        assertInvalid("party kz-case, delivery.endpoint: expected an absolute https:// URL");
    }

    @Test
    void load_rejectsUnreadableEncryptionCertificate() {
        delivery("ua-case").put("encryptionCertificate", "ua-case-missing.crt.pem");

        assertInvalid("party ua-case, delivery.encryptionCertificate:", "ua-case-missing.crt.pem",
                "cannot be read");
    }

    @Test
    void load_rejectsMissingCertificateFile() {
        signing("ua-pgo").get(0).put("file", "ua-pgo-2027.crt.pem");

        assertInvalid("party ua-pgo, signingCertificates[0].file:", "ua-pgo-2027.crt.pem", "cannot be read");
    }

    @Test
    void load_rejectsFileThatIsNotACertificate() throws IOException {
        Path file = fixture.write();
        Files.writeString(fixture.certificateDir().resolve("ua-pgo.crt.pem"), "not a certificate\n");

        assertInvalid(file, "party ua-pgo, signingCertificates[0].file:", "cannot be read as a PEM certificate");
    }

    @Test
    void load_rejectsFileWithTwoCertificates() {
        fixture.certificateFile("ua-pgo.crt.pem", TestPki.shared().uaPgo().certificate(),
                TestPki.shared().uaRoot().certificate());

        assertInvalid("party ua-pgo, signingCertificates[0].file:", "holds 2 certificates, expected exactly one");
    }

    @Test
    void load_rejectsCertificateEntryWithoutFile() {
        signing("ua-pgo").get(0).remove("file");

        assertInvalid("party ua-pgo, signingCertificates[0].file: required");
    }

    @Test
    void load_rejectsSigningCertificateOfAnotherAgency() {
        signing("ua-pgo").add(cert("ua-npu.crt.pem"));

        assertInvalid("party ua-pgo, signingCertificates[1].file:", "organizationIdentifier \"ua-npu\"",
                "expected \"ua-pgo\"");
    }

    @Test
    void load_rejectsSigningCertificateWithoutAgency() {
        signing("ua-pgo").add(cert("auditor-tls.crt.pem"));

        assertInvalid("party ua-pgo, signingCertificates[1].file: a signing certificate must carry");
    }

    @Test
    void load_rejectsTlsCertificateOfAnotherAgency() {
        fixture.party("ua-npu").put("tlsClientCertificates", List.of(cert("kz-gpo-tls.crt.pem")));

        assertInvalid("party ua-npu, tlsClientCertificates[0].file:", "\"kz-gpo\"");
    }

    @Test
    void load_rejectsBadTimestamp() {
        signing("ua-pgo").get(0).put("validFrom", "2026-01-01");

        assertInvalid("party ua-pgo, signingCertificates[0].validFrom: expected an RFC 3339 date-time",
                "\"2026-01-01\"");
    }

    @Test
    void load_rejectsValidFromAfterValidUntil() {
        signing("ua-pgo").get(0).put("validFrom", TestPki.NOW.toString());
        signing("ua-pgo").get(0).put("validUntil", TestPki.NOW.minusSeconds(1).toString());

        assertInvalid("party ua-pgo, signingCertificates[0]: validFrom", "is after validUntil");
    }

    @Test
    void load_rejectsWindowOutsideTheCertificatesValidity() {
        signing("ua-pgo").get(0).put("validFrom", TestPki.NOW.plus(Duration.ofDays(3650)).toString());

        assertInvalid("party ua-pgo, signingCertificates[0]: the window",
                "does not overlap the certificate's validity");
    }

    @Test
    void load_rejectsReferenceToUnknownParty() {
        fixture.party("kz-gpo").put("mayAddress", List.of("ua-pgo", "ua-sbu"));

        assertInvalid("party kz-gpo, mayAddress: no party \"ua-sbu\" in the registry");
    }

    @Test
    void load_rejectsReferenceToNonAgency() {
        fixture.party("ua-pgo").put("maySignFor", List.of("ua-case"));

        assertInvalid("party ua-pgo, maySignFor: \"ua-case\" is a CASE_SYSTEM, expected an AGENCY");
    }

    @Test
    void load_rejectsIdListedTwice() {
        fixture.party("ua-transfer").put("maySubmitFor", List.of("ua-npu", "ua-npu"));

        assertInvalid("party ua-transfer, maySubmitFor: \"ua-npu\" is listed twice");
    }

    @Test
    void load_rejectsAgencyServedByTwoCaseSystems() {
        fixture.party("kz-case").put("serves", List.of("kz-gpo", "ua-npu"));

        assertInvalid("party kz-case, serves: agency ua-npu is already served by ua-case");
    }

    @Test
    void load_rejectsTlsClientCertificateRegisteredForTwoParties() {
        fixture.party("operator").put("tlsClientCertificates", List.of(cert("auditor-tls.crt.pem")));

        assertInvalid("party operator, tlsClientCertificates[0]:", "already registered as auditor",
                "a TLS client is exactly one party");
    }

    @Test
    void load_rejectsTlsClientCertificateRegisteredTwiceForOneParty() {
        fixture.party("auditor").put("tlsClientCertificates",
                List.of(cert("auditor-tls.crt.pem"), cert("auditor-tls.crt.pem")));

        assertInvalid("party auditor, tlsClientCertificates[1]:", "already registered as auditor");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> signing(String party) {
        return (List<Map<String, Object>>) fixture.party(party).get("signingCertificates");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> delivery(String party) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) fixture.party(party).get("delivery"));
        fixture.party(party).put("delivery", copy);
        return copy;
    }

    private void assertInvalid(String... fragments) {
        assertInvalid(fixture.write(), fragments);
    }

    private static void assertInvalid(Path file, String... fragments) {
        AbstractThrowableAssert<?, ? extends Throwable> thrown = assertThatThrownBy(
                () -> PartyRegistry.load(file, TestPki.CLOCK))
                .isInstanceOfSatisfying(PartyRegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PARTY_REGISTRY_INVALID))
                .hasMessageContaining(file.toAbsolutePath().toString());
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }
}
