package org.evidencegateway.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evidencegateway.trust.TestPki.NOW;
import static org.evidencegateway.trust.TestPki.REVOKED_AT;
import static org.evidencegateway.trust.TestPki.SIGNING;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.error.TrustException;
import org.evidencegateway.pki.KeyType;
import org.junit.jupiter.api.Test;

class SignerCertificateValidatorTest {
    private final TestPki pki = TestPki.shared();
    private final SignerCertificateValidator validator = pki.validator();

    @Test
    void validate_acceptsAgencyCertificatesOfTheirCountry_returningTheChain() {
        // RSA-3072 under an RSA root, EC P-256 and P-384 under an EC root
        assertThat(validator.validate(pki.uaPgo().certificate(), List.of(), "UA", NOW))
                .containsExactly(pki.uaPgo().certificate(), pki.uaRoot().certificate());
        assertThat(validator.validate(pki.kzGpo().certificate(), List.of(), "KZ", NOW)).hasSize(2);
        assertThat(validator.validate(pki.kzMvd().certificate(), List.of(), "kz", NOW)).hasSize(2);
    }

    @Test
    void validate_rejectsSignerFromOtherCountry() {
        // Given a KZ-issued certificate claiming to sign for a UA sender
        ThrowingCallable call = () -> validator.validate(pki.kzGpo().certificate(), List.of(), "UA", NOW);

        assertCode(call, ErrorCode.TRUST_UNTRUSTED)
                .hasMessageContaining("expected a chain to CN=ua-root-ca")
                .hasMessageContaining("a root of KZ");
    }

    @Test
    void validate_rejectsCountryWithoutAnchor() {
        assertCode(() -> validator.validate(pki.uaPgo().certificate(), List.of(), "PL", NOW),
                ErrorCode.TRUST_UNTRUSTED).hasMessageContaining("no trust anchor is configured for PL");
    }

    @Test
    void validate_rejectsChainToImpostorRootCarriedInPackage() {
        // Given a self-signed root with the UA root's name but another key, shipped inside the package
        Credential impostor = TestPki.root("ua-root-ca", "UA", KeyType.EC_P256.generate());
        Credential signer = TestPki.agency(impostor, "ua-pgo", KeyType.EC_P256.generate(), SIGNING);

        assertCode(() -> validator.validate(signer.certificate(), List.of(impostor.certificate()), "UA", NOW),
                ErrorCode.TRUST_UNTRUSTED);
    }

    @Test
    void validate_buildsChainThroughIntermediateFromPackage() {
        Fixture f = intermediateFixture(NOW.minus(Duration.ofDays(100)));

        assertThat(f.validator.validate(f.signer.certificate(), List.of(f.ca.certificate()), "UA", NOW))
                .containsExactly(f.signer.certificate(), f.ca.certificate(), pki.uaRoot().certificate());
    }

    @Test
    void validate_rejectsWhenIntermediateIsMissingFromPackage() {
        Fixture f = intermediateFixture(NOW.minus(Duration.ofDays(100)));

        assertCode(() -> f.validator.validate(f.signer.certificate(), List.of(), "UA", NOW),
                ErrorCode.TRUST_UNTRUSTED).hasMessageContaining("found one ending at issuer CN=ua-issuing-ca");
    }

    @Test
    void validate_rejectsCertificateExpiredAtSigningTime() {
        Credential expired = pki.kzMvdExpired();

        assertCode(() -> validator.validate(expired.certificate(), List.of(), "KZ", NOW),
                ErrorCode.TRUST_NOT_VALID_AT_SIGNING_TIME)
                .hasMessageContaining("valid from " + expired.certificate().getNotBefore().toInstant())
                .hasMessageContaining("to " + expired.certificate().getNotAfter().toInstant());
    }

    @Test
    void validate_acceptsExpiredCertificateWhenSignedWithinItsValidity() {
        Instant signedWhileValid = NOW.minus(Duration.ofDays(60));

        assertThat(validator.validate(pki.kzMvdExpired().certificate(), List.of(), "KZ", signedWhileValid))
                .hasSize(2);
    }

    @Test
    void validate_rejectsSigningTimeBeforeCertificateValidity() {
        Instant beforeIssuance = NOW.minus(Duration.ofDays(2 * 365));

        assertCode(() -> validator.validate(pki.uaPgo().certificate(), List.of(), "UA", beforeIssuance),
                ErrorCode.TRUST_NOT_VALID_AT_SIGNING_TIME);
    }

    @Test
    void validate_rejectsIssuerNotValidAtSigningTime() {
        // Given an intermediate CA that only became valid 100 days ago, and a signing time 200 days ago
        Fixture f = intermediateFixture(NOW.minus(Duration.ofDays(100)));
        Instant signingTime = NOW.minus(Duration.ofDays(200));

        assertCode(() -> f.validator.validate(f.signer.certificate(), List.of(f.ca.certificate()), "UA",
                signingTime), ErrorCode.TRUST_NOT_VALID_AT_SIGNING_TIME)
                .hasMessageContaining("through its issuer \"ua-issuing-ca\"");
    }

    @Test
    void validate_rejectsCertificateRevokedBeforeSigningTime() {
        assertCode(() -> validator.validate(pki.uaPgoSuperseded().certificate(), List.of(), "UA", NOW),
                ErrorCode.TRUST_REVOKED).hasMessageContaining("superseded");
    }

    @Test
    void validate_rejectsCertificateRevokedExactlyAtSigningTime() {
        assertCode(() -> validator.validate(pki.uaPgoSuperseded().certificate(), List.of(), "UA", REVOKED_AT),
                ErrorCode.TRUST_REVOKED);
    }

    @Test
    void validate_acceptsCertificateRevokedAfterSigningTime_unlessKeyCompromise() {
        Instant beforeRevocation = REVOKED_AT.minus(Duration.ofDays(1));

        assertThat(validator.validate(pki.uaPgoSuperseded().certificate(), List.of(), "UA", beforeRevocation))
                .hasSize(2);
        assertCode(() -> validator.validate(pki.uaNpuKeyCompromised().certificate(), List.of(), "UA",
                beforeRevocation), ErrorCode.TRUST_REVOKED).hasMessageContaining("keyCompromise");
    }

    @Test
    void validate_rejectsWhenIssuerHasNoCrl() {
        SignerCertificateValidator noUaCrl =
                new SignerCertificateValidator(pki.anchorsBuilder().crl(pki.kzCrl()).build(), TestPki.CLOCK);

        assertCode(() -> noUaCrl.validate(pki.uaPgo().certificate(), List.of(), "UA", NOW),
                ErrorCode.TRUST_REVOCATION_UNKNOWN).hasMessageContaining("no CRL");
    }

    @Test
    void validate_rejectsWhenCrlSignatureIsInvalid() {
        // Given a CRL that names the UA root as issuer but is signed by another key
        Credential impostor = TestPki.root("ua-root-ca", "UA", KeyType.EC_P256.generate());
        SignerCertificateValidator forged = new SignerCertificateValidator(
                pki.anchorsBuilder().crl(TestPki.crl(impostor)).crl(pki.kzCrl()).build(), TestPki.CLOCK);

        assertCode(() -> forged.validate(pki.uaPgo().certificate(), List.of(), "UA", NOW),
                ErrorCode.TRUST_REVOCATION_UNKNOWN).hasMessageContaining("not signed by that issuer's key");
    }

    @Test
    void validate_rejectsWhenCrlIsNotCurrent() {
        var stale = TestPki.crl(pki.uaRoot(), NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));
        SignerCertificateValidator staleCrl = new SignerCertificateValidator(
                pki.anchorsBuilder().crl(stale).crl(pki.kzCrl()).build(), TestPki.CLOCK);

        assertCode(() -> staleCrl.validate(pki.uaPgo().certificate(), List.of(), "UA", NOW),
                ErrorCode.TRUST_REVOCATION_UNKNOWN).hasMessageContaining("not current");
    }

    @Test
    void validate_rejectsCertificateWithoutKeyUsage() {
        assertCode(() -> validator.validate(pki.uaPgoNoKeyUsage().certificate(), List.of(), "UA", NOW),
                ErrorCode.TRUST_KEY_USAGE).hasMessageContaining("no keyUsage extension");
    }

    @Test
    void validate_rejectsCertificateWithEncryptionKeyUsageOnly() {
        assertCode(() -> validator.validate(pki.uaPgoEncryptionOnly().certificate(), List.of(), "UA", NOW),
                ErrorCode.TRUST_KEY_USAGE).hasMessageContaining("found keyEncipherment");
    }

    @Test
    void validate_rejectsMissingSigningTime() {
        assertCode(() -> validator.validate(pki.uaPgo().certificate(), List.of(), "UA", null),
                ErrorCode.TRUST_SIGNING_TIME);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertCode(
            ThrowingCallable call, ErrorCode code) {
        return assertThatThrownBy(call).isInstanceOf(TrustException.class)
                .satisfies(e -> assertThat(((TrustException) e).code()).isEqualTo(code));
    }

    /** A UA issuing CA (valid from {@code caFrom}) with its own CRL, and a signer below it valid for a year. */
    private Fixture intermediateFixture(Instant caFrom) {
        Credential ca = TestPki.intermediate(pki.uaRoot(), "ua-issuing-ca", KeyType.EC_P256.generate(), caFrom,
                NOW.plus(Duration.ofDays(365)));
        Credential signer = TestPki.agency(ca, "ua-npu", KeyType.EC_P256.generate(), SIGNING);
        var anchors = pki.anchorsBuilder().crl(pki.uaCrl()).crl(pki.kzCrl()).crl(TestPki.crl(ca)).build();
        return new Fixture(ca, signer, new SignerCertificateValidator(anchors, TestPki.CLOCK));
    }

    private record Fixture(Credential ca, Credential signer, SignerCertificateValidator validator) {
    }
}
