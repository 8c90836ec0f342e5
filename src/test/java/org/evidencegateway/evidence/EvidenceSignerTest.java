package org.evidencegateway.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.interop.ExternalTool;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.pki.KeyType;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.SignerCertificateValidator;
import org.evidencegateway.trust.TestPki;
import org.evidencegateway.trust.TrustAnchors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceSignerTest {
    static final Credential OPERATOR_ROOT = TestPki.root("gw-root-ca", "GW", KeyType.EC_P256.generate());
    static final Credential GATEWAY = TestPki.agency(OPERATOR_ROOT, "gateway", KeyType.EC_P256.generate(), TestPki.SIGNING);

    private final EvidenceSigner signer = new EvidenceSigner(GATEWAY.signer());
    private final EvidenceVerifier verifier = new EvidenceVerifier(new SignerCertificateValidator(
            TrustAnchors.builder().root("GW", OPERATOR_ROOT.certificate()).crl(TestPki.crl(OPERATOR_ROOT)).build(),
            TestPki.CLOCK));

    static Evidence acceptance() {
        return new Evidence(Evidence.VERSION, UUID.fromString("00000000-0000-4000-8000-0000000e0001"),
                EvidenceType.SUBMISSION_ACCEPTANCE, TestPki.NOW, "evgw-test",
                UUID.fromString("00000000-0000-4000-8000-00000000e001"), "ab".repeat(32), 1234L, "cd".repeat(32),
                new Party(Country.KZ, "kz-mvd"), new Party(Country.UA, "ua-pgo"), "kz-mvd", null, null);
    }

    @Test
    void sign_producesCanonicalJson_withSortedMembersAndNoAbsentOnes() {
        SignedEvidence signed = signer.sign(acceptance());

        String json = new String(signed.json(), UTF_8);
        assertThat(json).startsWith("{\"eventTime\":\"2026-03-01T10:00:00Z\",\"evidenceId\":")
                .contains("\"evidenceType\":\"SubmissionAcceptance\"", "\"sender\":{\"agency\":\"kz-mvd\",\"country\":\"KZ\"}")
                .doesNotContain("reasonCode", " ", "\n");
    }

    @Test
    void verify_returnsTheStatement_ofAGenuineEvidence() {
        assertThat(verifier.verify(signer.sign(acceptance()).signed())).isEqualTo(acceptance());
    }

    @Test
    void verify_rejectsEvidenceSignedByAnAgencyInsteadOfTheGateway() {
        byte[] forged = new EvidenceSigner(TestPki.shared().kzGpo().signer()).sign(acceptance()).signed();

        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(CodedException.class)
                .extracting(e -> ((CodedException) e).code()).isEqualTo(ErrorCode.TRUST_UNTRUSTED);
    }

    @Test
    void rejection_mustCarryAReasonCode() {
        assertThatThrownBy(() -> new Evidence(1, UUID.randomUUID(), EvidenceType.SUBMISSION_REJECTION, TestPki.NOW,
                "evgw-test", null, "ab".repeat(32), 1L, null, null, null, "kz-mvd", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason code");
    }

    @Test
    void signedEvidence_verifiesWithOpenSsl_againstTheOperatorRoot(@TempDir Path dir) throws Exception {
        Path evidence = Files.write(dir.resolve("evidence.p7s"), signer.sign(acceptance()).signed());
        Path root = dir.resolve("gw-root-ca.crt.pem");
        Pem.write(root, OPERATOR_ROOT.certificate());

        ExternalTool.Result result = ExternalTool.openssl("cms", "-verify", "-inform", "DER", "-in", evidence.toString(),
                "-CAfile", root.toString(), "-purpose", "any").requireSuccess();

        assertThat(result.stdout()).contains("\"evidenceType\":\"SubmissionAcceptance\"");
    }
}
