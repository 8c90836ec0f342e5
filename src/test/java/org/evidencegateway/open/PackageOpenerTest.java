package org.evidencegateway.open;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evidencegateway.crypto.ContentEncryption;
import org.evidencegateway.trust.Credential;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PackageOpenerTest {
    private final PackageOpener opener = new PackageOpener(TestPackages.policy());

    @ParameterizedTest
    @EnumSource(ContentEncryption.class)
    void open_acceptsEveryAllowedEncryption_forRsaAndEcRecipients(ContentEncryption encryption) {
        for (Credential gatewayKey : new Credential[] {TestPackages.GATEWAY_RSA, TestPackages.GATEWAY_EC}) {
            byte[] pkg = TestPackages.valid().encryption(encryption).encryptedTo(gatewayKey).build();

            VerificationReport report = opener.open(new ByteArrayInputStream(pkg), ItemSink.discarding());

            assertThat(report.encryption()).isEqualTo(encryption.id());
            assertThat(report.openedWith()).isEqualTo(gatewayKey.certificate().getSubjectX500Principal().getName());
            assertThat(report.packageBytes()).isEqualTo(pkg.length);
        }
    }

    @Test
    void open_reportsEverySigner_whenInvestigatorAndProsecutorBothSign() {
        TestPackages pkg = TestPackages.valid().signedBy(TestPackages.PKI.kzGpo(), TestPackages.PKI.kzGpo());

        VerificationReport report = opener.open(new ByteArrayInputStream(pkg.build()), ItemSink.discarding());

        assertThat(report.signers()).hasSize(2).allSatisfy(s -> {
            assertThat(s.agency()).isEqualTo("kz-gpo");
            assertThat(s.country()).isEqualTo("KZ");
        });
    }

    @Test
    void open_extractsItemsManifestAndReport_intoFolderNamedByPackageId(@TempDir Path out) throws Exception {
        TestPackages pkg = TestPackages.valid();
        DirectoryItemSink sink = new DirectoryItemSink(out, new ObjectMapper().registerModule(new JavaTimeModule()));

        VerificationReport report = opener.open(new ByteArrayInputStream(pkg.build()), sink);

        Path folder = out.resolve(report.manifest().packageId().toString());
        assertThat(sink.committedFolder()).isEqualTo(folder);
        assertThat(Files.readString(folder.resolve("evidence/протокол-огляду.txt"))).contains("синтетичний");
        assertThat(Files.readAllBytes(folder.resolve("manifest.json"))).isEqualTo(pkg.manifestBytes());
        assertThat(folder.resolve(DirectoryItemSink.REPORT_FILE)).exists();
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(folder);
        }
    }
}
