package org.evidencegateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evidencegateway.interop.ExternalTool;
import org.evidencegateway.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigurationAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static java.util.stream.Stream<TestDatabases.Kind> databases() {
        return JdbcAuditLogTest.databases();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void partyRegistry_isRecordedOnce_andAgainOnlyWhenItsContentChanges(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = new TestLedger(kind)) {
            // Given a registry file recorded at start-up
            ConfigurationAudit audit = new ConfigurationAudit(ledger.tx, ledger.log, "evgw-test", ledger.clock);
            Path registry = Files.writeString(dir.resolve("parties.yaml"), "parties: []\n");
            audit.partyRegistry(registry);

            // When the gateway starts again with the same file, then the file changes and is reloaded
            audit.partyRegistry(registry);
            Files.writeString(registry, "parties: [] # a party removed\n");
            audit.partyRegistry(registry);

            // Then two entries: the first digest, then the new one naming the previous
            List<JsonNode> entries = entries(ledger);
            assertThat(entries).hasSize(2).allSatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("PARTY_REGISTRY_CHANGED");
                assertThat(e.get("actor").asText()).isEqualTo("evgw-test");
                assertThat(e.has("packageId")).isFalse();
            });
            assertThat(entries.get(0).at("/details/previousSha256").asText()).isEqualTo("none");
            assertThat(entries.get(1).at("/details/previousSha256").asText())
                    .isEqualTo(entries.get(0).at("/details/sha256").asText())
                    .isNotEqualTo(entries.get(1).at("/details/sha256").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void trustAnchors_aNewCrl_isRecorded_butNotAnUnchangedFolder(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = new TestLedger(kind)) {
            // Given a trust folder recorded once, and the same folder again
            ConfigurationAudit audit = new ConfigurationAudit(ledger.tx, ledger.log, "evgw-test", ledger.clock);
            Path trust = Files.createDirectories(dir.resolve("trust"));
            Files.writeString(trust.resolve("ua-root-ca.crt.pem"), "root\n");
            Files.writeString(trust.resolve("ua-root-ca.crl.pem"), "crl 1\n");
            audit.trustAnchors(trust);
            audit.trustAnchors(trust);

            // When the CRL is replaced by a newer one
            Files.writeString(trust.resolve("ua-root-ca.crl.pem"), "crl 2\n");
            audit.trustAnchors(trust);

            // Then one entry per distinct content
            assertThat(entries(ledger)).extracting(e -> e.get("type").asText())
                    .containsExactly("TRUST_ANCHORS_CHANGED", "TRUST_ANCHORS_CHANGED");
        }
    }

    @Test
    void digest_dependsOnFileNames_notOnlyOnContent() throws Exception {
        Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("kz.crt.pem"), "same\n");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("ua.crt.pem"), "same\n");

        assertThat(ConfigurationAudit.digestOf(List.of(a), a.getParent()))
                .isNotEqualTo(ConfigurationAudit.digestOf(List.of(b), b.getParent()))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void digest_isTheOneAnAuditorRecomputesWithShellTools_asDocumented() throws Exception {
        // Given a trust folder of two files
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.writeString(trust.resolve("kz-root-ca.crt.pem"), "root\n");
        Files.writeString(trust.resolve("kz-root-ca.crl.pem"), "crl\n");
        List<Path> files;
        try (var listed = Files.list(trust)) {
            files = listed.sorted().toList();
        }

        // When an auditor follows docs/audit-log.md with coreutils
        String recipe = "cd \"$1\" && for f in $(ls | LC_ALL=C sort); do "
                + "printf '%s\\0%s\\n' \"$f\" \"$(sha256sum < \"$f\" | cut -c1-64)\"; done | sha256sum | cut -c1-64";
        ExternalTool.Result shell = ExternalTool.run(java.util.Map.of(),
                List.of("bash", "-c", recipe, "recipe", trust.toString())).requireSuccess();

        // Then the digest is the gateway's
        assertThat(shell.stdout().strip()).isEqualTo(ConfigurationAudit.digestOf(files, trust));
    }

    private static List<JsonNode> entries(TestLedger ledger) {
        List<JsonNode> out = new ArrayList<>();
        ledger.tx.inTransaction(c -> {
            LedgerReader.entries(c, 0, LedgerReader.treeSize(c), e -> {
                try {
                    out.add(JSON.readTree(e.json()));
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            return null;
        });
        return out;
    }
}
