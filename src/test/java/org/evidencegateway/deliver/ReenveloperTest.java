package org.evidencegateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.crypto.EnvelopeReader;
import org.evidencegateway.crypto.OpenedEnvelope;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.party.Delivery;
import org.evidencegateway.party.DeliveryProtocol;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.party.Role;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.store.PackageStore;
import org.evidencegateway.trust.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReenveloperTest {
    static final Credential CASE_SYSTEM = TestPackages.OTHER_RECIPIENT;

    @TempDir
    Path dir;

    @Test
    void reenvelope_wrapsTheSendersOriginalSignedData_inAesGcmForTheCaseSystemOnly() throws Exception {
        // Given a stored package the sender encrypted to the gateway
        TestPackages pkg = TestPackages.valid();
        byte[] signedData = pkg.signedData();
        byte[] stored = pkg.encrypt(signedData);
        PackageStore store = new PackageStore(dir.resolve("store"));

        // When it is re-enveloped for the case system
        Reenveloped out = reenveloper(store).reenvelope(attempt(store, stored, Sha256.hex(stored)));

        // Then the case system's key opens it (AES-256-GCM), and inside is the sender's SignedData, byte for byte
        try (InputStream in = Files.newInputStream(out.file())) {
            OpenedEnvelope opened = EnvelopeReader.open(in, List.of(CASE_SYSTEM.recipientKey()));
            assertThat(opened.encryption()).isEqualTo(ContentEncryption.AES_256_GCM);
            assertThat(opened.plaintext().readAllBytes()).isEqualTo(signedData);
        }
        assertThat(out.file()).startsWith(dir.resolve("work"));
    }

    @Test
    void reenvelope_refusesAStoredPackageWhoseBytesAreNotThoseRecordedAtIngest_andLeavesNoFile() throws Exception {
        // Given a stored package whose recorded SHA-256 is another one's
        TestPackages pkg = TestPackages.valid();
        byte[] stored = pkg.encrypt(pkg.signedData());
        PackageStore store = new PackageStore(dir.resolve("store"));
        DeliveryAttempt attempt = attempt(store, stored, "00".repeat(32));

        // When it is re-enveloped, Then it fails as a storage fault, and the work folder stays empty
        assertThatThrownBy(() -> reenveloper(store).reenvelope(attempt)).isInstanceOfSatisfying(CodedException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_STORAGE));
        try (var files = Files.list(dir.resolve("work"))) {
            assertThat(files).isEmpty();
        }
    }

    private Reenveloper reenveloper(PackageStore store) throws IOException {
        return new Reenveloper(store, List.of(TestPackages.GATEWAY_RSA.recipientKey(),
                TestPackages.GATEWAY_EC.recipientKey()), dir.resolve("work"));
    }

    private static DeliveryAttempt attempt(PackageStore store, byte[] stored, String sha256) throws IOException {
        UUID id = UUID.randomUUID();
        Path spooled = store.newSpoolFile();
        Files.write(spooled, stored);
        String ref = store.commit(spooled, id);
        ClaimCheck check = new ClaimCheck(id, "kz-case", ref, sha256, stored.length, "ua-pgo", "kz-gpo",
                "TEST-UA-0000-0001", "EVIDENCE");
        RegisteredParty caseSystem = new RegisteredParty("kz-case", Country.KZ, "Test case system", Role.CASE_SYSTEM,
                List.of(), List.of(), null, null, null, null, new Delivery(DeliveryProtocol.SOAP,
                URI.create("https://127.0.0.1:9/soap/case-system"), CASE_SYSTEM.certificate()));
        return new DeliveryAttempt(check, null, caseSystem, 1, false, true);
    }
}
