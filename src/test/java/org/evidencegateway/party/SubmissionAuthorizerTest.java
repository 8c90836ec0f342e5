package org.evidencegateway.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evidencegateway.party.RegistryFixture.cert;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.open.SignerReport;
import org.evidencegateway.open.VerificationReport;
import org.evidencegateway.trust.AgencyIdentity;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionAuthorizerTest {
    private static final TestPki PKI = TestPki.shared();
    private static final Instant NOW = TestPki.NOW;
    private static final UUID PACKAGE_ID = UUID.fromString("0b9f6c1e-5d2a-4c3b-9e8f-7a6b5c4d3e2f");

    @TempDir
    Path dir;
    RegistryFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = RegistryFixture.valid(dir);
    }

    // --- signing certificates ---------------------------------------------------------------------------------

    @Test
    void authorize_acceptsAgencySubmittingItsOwnPackage() {
        assertAccepted("ua-pgo", report("ua-pgo", "kz-gpo", signer(PKI.uaPgo().certificate(), NOW)));
    }

    @Test
    void authorize_refusesSignerCertificateNotRegisteredForItsAgency() {
        // ua-npu-key-compromised speaks for ua-npu and is trusted, but the registry does not list it
        X509Certificate unregistered = PKI.uaNpuKeyCompromised().certificate();

        assertRefused("ua-npu", report("ua-npu", "kz-gpo", signer(unregistered, NOW)),
                ErrorCode.AUTH_SIGNING_CERTIFICATE, RegisteredCertificate.sha256(unregistered),
                "not registered for ua-npu (its registered signing certificates: SHA-256 "
                        + RegisteredCertificate.sha256(PKI.uaNpu().certificate()), "at signing time " + NOW);
    }

    @Test
    void authorize_refusesSignerOfUnregisteredAgency() {
        X509Certificate kzMvd = PKI.kzMvd().certificate();

        assertRefused("kz-gpo", report("kz-gpo", "ua-pgo", signer(kzMvd, NOW)),
                ErrorCode.AUTH_SIGNING_CERTIFICATE, "agency \"kz-mvd\" (no such party in the registry)");
    }

    @Test
    void authorize_acceptsSigningTimesOnTheWindowsBoundaries() {
        Instant from = NOW.minus(Duration.ofDays(20));
        Instant until = NOW.minus(Duration.ofDays(10));
        windowForUaPgo(from, until);

        assertAccepted("ua-pgo", report("ua-pgo", "kz-gpo", signer(PKI.uaPgo().certificate(), from)));
        assertAccepted("ua-pgo", report("ua-pgo", "kz-gpo", signer(PKI.uaPgo().certificate(), until)));
    }

    @Test
    void authorize_refusesSigningTimesJustOutsideTheWindow() {
        Instant from = NOW.minus(Duration.ofDays(20));
        Instant until = NOW.minus(Duration.ofDays(10));
        windowForUaPgo(from, until);

        assertRefused("ua-pgo", report("ua-pgo", "kz-gpo", signer(PKI.uaPgo().certificate(), from.minusMillis(1))),
                ErrorCode.AUTH_SIGNING_CERTIFICATE, "registered only from " + from + " until " + until,
                "at signing time " + from.minusMillis(1));
        assertRefused("ua-pgo", report("ua-pgo", "kz-gpo", signer(PKI.uaPgo().certificate(), until.plusMillis(1))),
                ErrorCode.AUTH_SIGNING_CERTIFICATE, "at signing time " + until.plusMillis(1));
    }

    @Test
    void authorize_judgesTheSigningTimeNotTheSubmissionTime() {
        // the retired key signed while it was registered; the package arrives after its window closed
        Instant until = NOW.minus(Duration.ofDays(10));
        windowForUaPgo(null, until);

        assertAccepted("ua-pgo", report("ua-pgo", "kz-gpo", signer(PKI.uaPgo().certificate(), until.minusSeconds(60))));
    }

    // --- impersonation ---------------------------------------------------------------------------------------

    @Test
    void authorize_refusesSubmitterSendingAPackageSignedByAnotherAgency() {
        // ua-pgo may sign for ua-npu, but ua-npu's TLS client may not submit what ua-pgo signed
        assertRefused("ua-npu", report("ua-npu", "kz-gpo", signer(PKI.uaPgo().certificate(), NOW)),
                ErrorCode.AUTH_IMPERSONATION, "party ua-npu (TLS client)", "signed by ua-pgo",
                "submits only for ua-npu");
    }

    @Test
    void authorize_refusesSubmitterNamingAnotherSender() {
        assertRefused("ua-pgo", report("ua-npu", "kz-gpo", signer(PKI.uaPgo().certificate(), NOW)),
                ErrorCode.AUTH_IMPERSONATION, "party ua-pgo (TLS client)", "naming sender ua-npu",
                "submits only for ua-pgo");
    }

    @Test
    void authorize_acceptsTransferSystemSubmittingForAnAgency() {
        assertAccepted("ua-transfer", report("ua-npu", "kz-gpo", signer(PKI.uaNpu().certificate(), NOW)));
    }

    @Test
    void authorize_refusesTransferSystemSubmittingForAnAgencyNotListed() {
        assertRefused("ua-transfer", report("ua-pgo", "kz-gpo", signer(PKI.uaPgo().certificate(), NOW)),
                ErrorCode.AUTH_IMPERSONATION, "signed by ua-pgo", "submits only for ua-npu, ua-transfer");
    }

    @Test
    void authorize_checksEverySignerNotOnlyTheFirst() {
        fixture.party("ua-transfer").put("maySubmitFor", List.of("ua-npu", "ua-pgo"));
        SignerReport npu = signer(PKI.uaNpu().certificate(), NOW);
        SignerReport gpo = signer(PKI.kzGpo().certificate(), NOW);

        assertRefused("ua-transfer", report("ua-npu", "kz-gpo", npu, gpo), ErrorCode.AUTH_IMPERSONATION,
                "signed by kz-gpo");
    }

    // --- recipient -------------------------------------------------------------------------------------------

    @Test
    void authorize_refusesRecipientNotInTheSendersMayAddress() {
        assertRefused("ua-pgo", report("ua-pgo", "ua-npu", signer(PKI.uaPgo().certificate(), NOW)),
                ErrorCode.AUTH_RECIPIENT, "sender ua-pgo may not address ua-npu (allowed: kz-gpo)");
    }

    @Test
    void authorize_judgesTheRecipientByTheSenderNotTheSubmitter() {
        // ua-transfer itself may address no one; ua-npu, for whom it submits, may address kz-gpo
        assertAccepted("ua-transfer", report("ua-npu", "kz-gpo", signer(PKI.uaNpu().certificate(), NOW)));
        assertRefused("ua-transfer", report("ua-npu", "ua-pgo", signer(PKI.uaNpu().certificate(), NOW)),
                ErrorCode.AUTH_RECIPIENT, "sender ua-npu may not address ua-pgo (allowed: kz-gpo)");
    }

    // --- reading ---------------------------------------------------------------------------------------------

    @Test
    void requireMayRead_acceptsSenderRecipientItsCaseSystemAndAuditor() {
        SubmissionAuthorizer authorizer = authorizer();
        PartyRegistry registry = PartyRegistry.load(fixture.write(), TestPki.CLOCK);
        Manifest manifest = manifest("ua-pgo", "kz-gpo");

        for (String reader : List.of("ua-pgo", "kz-gpo", "kz-case", "auditor")) {
            assertThatCode(() -> authorizer.requireMayRead(registry.byId(reader).orElseThrow(), manifest))
                    .as(reader).doesNotThrowAnyException();
        }
    }

    @Test
    void requireMayRead_refusesEveryoneElse() {
        SubmissionAuthorizer authorizer = authorizer();
        PartyRegistry registry = PartyRegistry.load(fixture.write(), TestPki.CLOCK);
        Manifest manifest = manifest("ua-pgo", "kz-gpo");

        for (String reader : List.of("ua-npu", "ua-transfer", "ua-case", "operator")) {
            assertThatThrownBy(() -> authorizer.requireMayRead(registry.byId(reader).orElseThrow(), manifest))
                    .as(reader)
                    .isInstanceOfSatisfying(AuthorizationException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_NOT_VISIBLE))
                    .hasMessageContaining("no package " + PACKAGE_ID + " is visible to " + reader);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private void windowForUaPgo(Instant from, Instant until) {
        Map<String, Object> entry = cert("ua-pgo.crt.pem");
        if (from != null) {
            entry.put("validFrom", from.toString());
        }
        entry.put("validUntil", until.toString());
        fixture.party("ua-pgo").put("signingCertificates", List.of(entry));
    }

    private SubmissionAuthorizer authorizer() {
        return new SubmissionAuthorizer(PartyRegistry.load(fixture.write(), TestPki.CLOCK));
    }

    private void assertAccepted(String submitter, VerificationReport report) {
        PartyRegistry registry = PartyRegistry.load(fixture.write(), TestPki.CLOCK);
        assertThatCode(() -> new SubmissionAuthorizer(registry)
                .authorize(registry.byId(submitter).orElseThrow(), report, NOW))
                .doesNotThrowAnyException();
    }

    private void assertRefused(String submitter, VerificationReport report, ErrorCode code, String... fragments) {
        PartyRegistry registry = PartyRegistry.load(fixture.write(), TestPki.CLOCK);
        AbstractThrowableAssert<?, ? extends Throwable> thrown = assertThatThrownBy(() -> new SubmissionAuthorizer(
                registry).authorize(registry.byId(submitter).orElseThrow(), report, NOW))
                .isInstanceOfSatisfying(AuthorizationException.class, e -> assertThat(e.code()).isEqualTo(code));
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }

    /** What the opener reports for a signer that passed every cryptographic and trust check. */
    private static SignerReport signer(X509Certificate certificate, Instant signingTime) {
        AgencyIdentity agency = AgencyIdentity.of(certificate).orElseThrow();
        return new SignerReport(agency.agencyId(), agency.country(), certificate.getSubjectX500Principal().getName(),
                certificate.getSerialNumber().toString(16), RegisteredCertificate.sha256(certificate), signingTime,
                "sha-256", "test", List.of(certificate.getSubjectX500Principal().getName()));
    }

    private static VerificationReport report(String sender, String recipient, SignerReport... signers) {
        return new VerificationReport("00".repeat(32), 1024, "aes-256-gcm", "CN=gateway", List.of(signers),
                "11".repeat(32), manifest(sender, recipient), 512);
    }

    private static Manifest manifest(String sender, String recipient) {
        return Manifest.builder().packageId(PACKAGE_ID).createdAt(NOW)
                .sender(new Party(country(sender), sender)).recipient(new Party(country(recipient), recipient))
                .build();
    }

    private static Country country(String agency) {
        return Country.valueOf(agency.substring(0, 2).toUpperCase(java.util.Locale.ROOT));
    }
}
