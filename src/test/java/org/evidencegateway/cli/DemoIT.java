package org.evidencegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evidencegateway.audit.format.ExportLayout;
import org.evidencegateway.auditor.AuditorTrust;
import org.evidencegateway.auditor.ExportVerifier;
import org.evidencegateway.auditor.ProofFileVerifier;
import org.evidencegateway.auditor.VerificationReport;
import org.evidencegateway.casesystem.DeliveryStore;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceVerifier;
import org.evidencegateway.trust.SignerCertificateValidator;
import org.evidencegateway.trust.TrustAnchors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code evgw demo}, played in fast mode (free ports, a 1 MiB disk image, retries a
 * fraction of a second apart) on the development PKI in certs/; then every outcome the demo claims is checked
 * again from what it left behind — the gateway's database, the case systems' folders, the audit export — without
 * trusting its own printout.
 */
class DemoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CERTS = Path.of("certs");

    @TempDir
    static Path dir;
    static int exit;
    static String output;
    /** Package id by kind, from the gateway's database. */
    static Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void playTheDemo() throws Exception {
        StringWriter out = new StringWriter();
        exit = EvgwCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute("demo", "--dir", dir.toString(), "--port-base", "0", "--image-size", "1",
                        "--set", "gateway.delivery.initial-retry-delay=PT0.2S",
                        "--set", "gateway.delivery.max-retry-delay=PT0.5S");
        output = out.toString();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT kind, package_id FROM packages")) {
            while (rows.next()) {
                ids.put(rows.getString(1), rows.getString(2));
            }
        }
    }

    @Test
    void demo_endsWithEveryStepAsExpected() {
        assertThat(output).contains("Demo complete", "every step turned out as expected").doesNotContain("FAILED");
        assertThat(exit).as(output).isZero();
    }

    @Test
    void demo_deliversRequestEvidenceResponseAndNotice_withTheirEvidences() throws Exception {
        Map<String, String> parties = new HashMap<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT kind, sender, recipient, status FROM packages")) {
            while (rows.next()) {
                parties.put(rows.getString(1), rows.getString(2) + ">" + rows.getString(3) + " " + rows.getString(4));
            }
        }
        assertThat(parties).containsOnly(Map.entry("MLA_REQUEST", "ua-pgo>kz-gpo DELIVERED"),
                Map.entry("EVIDENCE", "kz-mvd>ua-pgo DELIVERED"), Map.entry("MLA_RESPONSE", "kz-gpo>ua-pgo DELIVERED"),
                Map.entry("NOTICE", "ua-pgo>kz-gpo DELIVERED"));
        for (String id : ids.values()) {
            assertThat(evidences(id)).extracting(e -> e.evidenceType().id())
                    .contains("SubmissionAcceptance", "Delivery");
        }
    }

    @Test
    void demo_refusesTheTamperedAndTheRevokedPackage_withSignedRejections() throws Exception {
        List<Evidence> rejections = new ArrayList<>();
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT signed_base64 FROM evidences WHERE evidence_type = 'SubmissionRejection'")) {
            while (rows.next()) {
                rejections.add(verifier().verify(Base64.getDecoder().decode(rows.getString(1))));
            }
        }
        assertThat(rejections).extracting(e -> e.submitter() + " " + e.reasonCode())
                .containsExactlyInAnyOrder("kz-gpo EGW-ENC-003", "ua-npu EGW-TRUST-003");
        assertThat(output).contains("signed rejection verified: SubmissionRejection");
    }

    @Test
    void demo_leavesEachPackageInItsCaseSystemsFolder_openedAndAcknowledged() throws Exception {
        assertThat(storedIds("ua-case")).containsExactlyInAnyOrder(ids.get("EVIDENCE"), ids.get("MLA_RESPONSE"));
        assertThat(storedIds("kz-case")).containsExactlyInAnyOrder(ids.get("MLA_REQUEST"), ids.get("NOTICE"));
        String request = ids.get("MLA_REQUEST");
        JsonNode requestManifest = manifest("kz-case", request);
        assertThat(requestManifest.path("urgency").path("level").asText()).isEqualTo("URGENT");
        assertThat(requestManifest.path("urgency").path("reason").asText()).isNotBlank();
        assertThat(requestManifest.path("legalBasis").path("instrument").asText()).isEqualTo("KZ_UA_TREATY_2018");
        assertThat(manifest("ua-case", ids.get("EVIDENCE")).path("relatedPackageId").asText()).isEqualTo(request);
        assertThat(manifest("ua-case", ids.get("MLA_RESPONSE")).path("relatedPackageId").asText()).isEqualTo(request);
        assertThat(manifest("kz-case", ids.get("NOTICE")).path("relatedPackageId").asText()).isEqualTo(request);

        Path evidence = dir.resolve("ua-case").resolve(ids.get("EVIDENCE")).resolve(DeliveryStore.CONTENT_DIR)
                .resolve("evidence");
        Path image = evidence.resolve("terminal-disk.img");
        assertThat(Files.size(image)).isEqualTo(1 << 20);
        assertThat(Files.readString(evidence.resolve("terminal-disk.img.sha256")))
                .startsWith(Sha256.hex(Files.readAllBytes(image)));
        assertThat(evidence.resolve("subscribers.csv")).content().startsWith("msisdn,");
    }

    @Test
    void demo_retriesTheNoticeWhileKzCaseIsDown_thenDeliversItOnce() throws Exception {
        List<JsonNode> trail = entries().stream()
                .filter(e -> ids.get("NOTICE").equals(e.path("packageId").asText())).toList();

        assertThat(trail).extracting(e -> e.path("type").asText()).filteredOn("DELIVERY_ATTEMPTED"::equals)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(trail).extracting(e -> e.path("type").asText()).filteredOn("PACKAGE_DELIVERED"::equals)
                .hasSize(1);
    }

    @Test
    void demo_exportsAnAuditLogThatTheIndependentVerifierAccepts_andProvesTheNoticesTrail() throws Exception {
        AuditorTrust trust = new AuditorTrust(AuditorTrust.readPem(CERTS.resolve("gateway.crt.pem")).get(0),
                AuditorTrust.readPem(CERTS.resolve("gw-root-ca.crt.pem")).get(0), false);

        VerificationReport export = new ExportVerifier(trust).verify(dir.resolve("audit-export"));
        Path proofFile = dir.resolve("proof-" + ids.get("NOTICE") + ".json");
        VerificationReport proof = new ProofFileVerifier(java.util.Optional.of(trust))
                .verify(ProofFileVerifier.read(proofFile));

        assertThat(export.verified()).as(export.text()).isTrue();
        assertThat(export.treeSize()).isEqualTo(entries().size());
        assertThat(entries()).extracting(e -> e.path("type").asText()).filteredOn("PACKAGE_REJECTED"::equals)
                .hasSize(2);
        assertThat(proof.verified()).as(proof.text()).isTrue();
        assertThat(output).contains("VERIFIED: " + export.treeSize() + " entries");
    }

    private static List<JsonNode> entries() throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("audit-export").resolve(ExportLayout.ENTRIES))) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    private static List<String> storedIds(String caseSystem) throws Exception {
        try (Stream<Path> stored = Files.list(dir.resolve(caseSystem))) {
            List<String> ids = stored.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
            for (String id : ids) {
                Path folder = dir.resolve(caseSystem).resolve(id);
                assertThat(folder.resolve(DeliveryStore.PACKAGE_FILE)).isRegularFile();
                assertThat(folder.resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE)).isRegularFile();
            }
            return ids;
        }
    }

    private static JsonNode manifest(String caseSystem, String id) throws Exception {
        return JSON.readTree(dir.resolve(caseSystem).resolve(id).resolve(DeliveryStore.CONTENT_DIR)
                .resolve("manifest.json").toFile());
    }

    private static List<Evidence> evidences(String packageId) throws Exception {
        List<Evidence> evidences = new ArrayList<>();
        try (Connection c = database();
             PreparedStatement s = c.prepareStatement("SELECT signed_base64 FROM evidences WHERE package_id = ?")) {
            s.setString(1, packageId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    evidences.add(verifier().verify(Base64.getDecoder().decode(rows.getString(1))));
                }
            }
        }
        return evidences;
    }

    private static EvidenceVerifier verifier() {
        return new EvidenceVerifier(new SignerCertificateValidator(TrustAnchors.load(CERTS), Clock.systemUTC()));
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("gateway/db/gateway")
                + ";ACCESS_MODE_DATA=r", "evgw", "");
    }
}
