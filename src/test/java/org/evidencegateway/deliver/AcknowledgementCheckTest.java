package org.evidencegateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.evidencegateway.casesystem.AcknowledgementVerifier;
import org.evidencegateway.casesystem.CaseSystemTestPki;
import org.evidencegateway.casesystem.DeliveryAcknowledgement;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.SignedStatements;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.party.Delivery;
import org.evidencegateway.party.DeliveryProtocol;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.party.Role;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.Test;

class AcknowledgementCheckTest {
    static final Credential CASE_KEY = CaseSystemTestPki.CASE_KEY;
    /** Same root, same organizationIdentifier (ua-case), but not registered for the case system. */
    static final Credential UNREGISTERED = TestPki.agency(TestPackages.PKI.uaRoot(), "ua-case",
            KeyType.EC_P256.generate(), TestPki.SIGNING);
    static final String MANIFEST_SHA256 = "ab".repeat(32);

    final AcknowledgementCheck check = new AcknowledgementCheck(
            new AcknowledgementVerifier(TestPackages.PKI.validator()));
    final DeliveryAttempt attempt = attempt(UUID.randomUUID());

    @Test
    void require_takesAnAcknowledgementOfTheRegisteredCaseSystemForThisPackage() {
        DeliveryOutcome outcome = DeliveryOutcome.delivered(attempt, ack(CASE_KEY, attempt.check().packageId(),
                MANIFEST_SHA256));

        assertThat(check.require(outcome)).isSameAs(outcome);
    }

    @Test
    void require_takesADeliveryWithoutAcknowledgement_andARefusal_asTheyAre() {
        DeliveryOutcome bare = DeliveryOutcome.delivered(attempt, null);
        DeliveryOutcome refused = DeliveryOutcome.refused(attempt, "EGW-DLV-002", "not served");

        assertThat(check.require(bare)).isSameAs(bare);
        assertThat(check.require(refused)).isSameAs(refused);
    }

    @Test
    void require_refusesAnAcknowledgementSignedByACertificateNotRegisteredForTheCaseSystem() {
        assertInvalid(ack(UNREGISTERED, attempt.check().packageId(), MANIFEST_SHA256),
                "registered for case system ua-case");
    }

    @Test
    void require_refusesAnAcknowledgementOfAnotherPackage() {
        UUID other = UUID.randomUUID();
        assertInvalid(ack(CASE_KEY, other, MANIFEST_SHA256), "it names package " + other);
    }

    @Test
    void require_refusesAnAcknowledgementOfAnotherManifest() {
        assertInvalid(ack(CASE_KEY, attempt.check().packageId(), "cd".repeat(32)),
                "manifest SHA-256 " + "cd".repeat(32));
    }

    @Test
    void require_refusesAnAcknowledgementWhoseSignatureDoesNotVerify() {
        byte[] ack = ack(CASE_KEY, attempt.check().packageId(), MANIFEST_SHA256);
        // The statement is in the clear inside the SignedData: change one character of the manifest digest
        String text = new String(ack, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] tampered = text.replace(MANIFEST_SHA256, "ac" + MANIFEST_SHA256.substring(2))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(Arrays.equals(tampered, ack)).isFalse();

        assertInvalid(tampered, "EGW-SIG-");
    }

    @Test
    void require_refusesAnAcknowledgementThatIsNoSignedData() {
        assertInvalid(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, "EGW-");
    }

    private void assertInvalid(byte[] ack, String reason) {
        assertThatThrownBy(() -> check.require(DeliveryOutcome.delivered(attempt, ack)))
                .isInstanceOfSatisfying(TransientDeliveryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DLV_ACKNOWLEDGEMENT_INVALID))
                .hasMessageContaining("ua-case").hasMessageContaining(attempt.check().packageId().toString())
                .hasMessageContaining(reason);
    }

    static byte[] ack(Credential signer, UUID packageId, String manifestSha256) {
        DeliveryAcknowledgement statement = new DeliveryAcknowledgement(DeliveryAcknowledgement.TYPE,
                DeliveryAcknowledgement.VERSION, "ua-case", TestPki.NOW, packageId, "00".repeat(32), 100,
                manifestSha256, new Party(Country.KZ, "kz-gpo"), new Party(Country.UA, "ua-pgo"), List.of(), 10);
        return SignedStatements.sign(CanonicalJson.bytes(statement), signer.signer(), TestPki.NOW);
    }

    static DeliveryAttempt attempt(UUID id) {
        ClaimCheck check = new ClaimCheck(id, "ua-case", "ref", "00".repeat(32), 100, "kz-gpo", "ua-pgo",
                "TEST-UA-0000-0001", "EVIDENCE");
        PackageRecord record = new PackageRecord(id, "00".repeat(32), 100, MANIFEST_SHA256, "EVIDENCE",
                "TEST-UA-0000-0001", "kz-gpo", "kz-gpo", "ua-pgo", PackageStatus.DELIVERING, TestPki.NOW, "ref");
        RegisteredParty caseSystem = new RegisteredParty("ua-case", Country.UA, "Test case system", Role.CASE_SYSTEM,
                List.of(), List.of(), null, null, null, null, new Delivery(DeliveryProtocol.REST,
                URI.create("https://127.0.0.1:9/api/v1/deliveries"), CASE_KEY.certificate()));
        return new DeliveryAttempt(check, record, caseSystem, 1, false, true);
    }
}
