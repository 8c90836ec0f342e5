package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evidencegateway.audit.format.Checkpoint;
import org.evidencegateway.audit.format.CheckpointVerifier;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.NoteSignatureType;
import org.evidencegateway.audit.format.Proofs;
import org.evidencegateway.auditor.ProofFileVerifier;
import org.evidencegateway.auditor.VerificationReport;
import org.evidencegateway.cli.EvgwCommand;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.runtime.GatewayState.AuditRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The auditor API on a running gateway: only the auditor party reads checkpoints, entries and proofs, every answer
 * verifies against the checkpoint the gateway signed, bad ranges are coded 400s, and {@code evgw audit verify URL}
 * checks the whole log through it — and catches an entry changed in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditorApiIT {
    private static final String AUDITOR = AuditorClient.AUDITOR;

    private Path dir;
    private TestGateway gateway;
    private AuditorClient auditor;
    private final UUID packageId = UUID.randomUUID();

    @BeforeAll
    void startGatewayWithTwoPackages(@TempDir Path folder) throws Exception {
        dir = folder;
        auditor = new AuditorClient(dir.resolve("auditor"));
        gateway = TestGateway.start(dir.resolve("gw"), auditor.gatewaySettings());
        assertThat(gateway.submit("kz-gpo", TestPackages.valid().packageId(packageId).build()).statusCode()).isEqualTo(202);
        assertThat(gateway.submit("kz-gpo", TestPackages.valid().build()).statusCode()).isEqualTo(202);
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    @Order(1)
    void auditor_readsEntriesAndProofs_thatVerifyAgainstTheSignedCheckpoint() throws Exception {
        // Given the latest checkpoint, covering the whole log and timestamped
        JsonNode latest = AuditorClient.awaitCheckpointOfWholeLog(gateway);
        long size = latest.get("treeSize").asLong();
        Checkpoint checkpoint = new CheckpointVerifier(latest.get("note").asText().lines().findFirst().orElseThrow(),
                GatewayTestPki.EVIDENCE_KEY.certificate().getPublicKey(), NoteSignatureType.DEFAULT)
                .verify(latest.get("note").asText());
        assertThat(checkpoint.treeSize()).isEqualTo(size);
        assertThat(LogHashes.hex(checkpoint.rootHash())).isEqualTo(latest.get("rootHash").asText());

        // When the auditor reads every entry, Then each is exactly the stored text with its sequence number
        JsonNode page = ok("/api/v1/audit/entries?start=0&end=" + size);
        assertThat(page.get("entries")).hasSize((int) size);
        for (int i = 0; i < size; i++) {
            String entry = page.get("entries").get(i).asText();
            assertThat(json(entry).get("seq").asLong()).isEqualTo(i);
            byte[] leaf = LogHashes.leaf(entry.getBytes(StandardCharsets.UTF_8));
            assertThat(page.get("leafHashes").get(i).asText()).isEqualTo(LogHashes.hex(leaf));

            // And each entry's inclusion proof leads to the signed root
            JsonNode inclusion = ok("/api/v1/audit/proofs/inclusion?leafIndex=" + i);
            assertThat(inclusion.get("treeSize").asLong()).isEqualTo(size);
            Proofs.verifyInclusion(i, size, leaf, hashes(inclusion.get("inclusionProof")), checkpoint.rootHash());
        }

        // And every earlier tree size is consistent with the checkpoint
        for (long from = 1; from < size; from++) {
            JsonNode consistency = ok("/api/v1/audit/proofs/consistency?from=" + from + "&to=" + size);
            Proofs.verifyConsistency(from, size, hashes(consistency.get("consistencyProof")),
                    LogHashes.fromHex(consistency.get("fromRootHash").asText()), checkpoint.rootHash());
        }
    }

    @Test
    @Order(2)
    void packageTrail_isAProofFileThatVerifiesOffline() throws Exception {
        AuditorClient.awaitCheckpointOfWholeLog(gateway);
        HttpResponse<String> trail = gateway.get(AUDITOR, "/api/v1/audit/packages/" + packageId + "/trail");
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        Path file = Files.writeString(dir.resolve("trail.json"), trail.body());

        VerificationReport report = new ProofFileVerifier(Optional.of(auditor.trust())).verify(ProofFileVerifier.read(file));

        assertThat(report.problems()).isEmpty();
        assertThat(json(trail.body()).get("entries")).extracting(e -> json(e.get("entry").asText()).get("type").asText())
                .containsExactly("PACKAGE_RECEIVED", "PACKAGE_QUEUED");
    }

    @Test
    @Order(3)
    void badRangesAndSizes_areCodedBadRequests() throws Exception {
        long size = AuditorClient.awaitCheckpointOfWholeLog(gateway).get("treeSize").asLong();
        for (String path : List.of("/api/v1/audit/entries?start=2&end=2", "/api/v1/audit/entries?start=-1&end=1",
                "/api/v1/audit/entries?start=0&end=" + (size + 1), "/api/v1/audit/entries?start=0&end=1001",
                "/api/v1/audit/entries?start=zero&end=1", "/api/v1/audit/entries?end=1",
                "/api/v1/audit/proofs/inclusion?leafIndex=" + size + "&treeSize=" + size,
                "/api/v1/audit/proofs/inclusion?leafIndex=0&treeSize=" + (size + 1),
                "/api/v1/audit/proofs/consistency?from=" + size + "&to=1",
                "/api/v1/audit/checkpoints?after=-2")) {
            HttpResponse<String> answer = gateway.get(AUDITOR, path);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(json(answer.body()).get("code").asText()).as(path).isEqualTo("EGW-AUDIT-002");
        }
        HttpResponse<String> unknown = gateway.get(AUDITOR, "/api/v1/audit/packages/" + UUID.randomUUID() + "/trail");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).get("code").asText()).isEqualTo("EGW-AUDIT-003");
    }

    @Test
    @Order(4)
    void otherParty_isRefusedWithACodedForbidden_andTheRefusalIsAudited() throws Exception {
        GatewayState state = new GatewayState(gateway);
        long before = state.lastAuditSeq();

        HttpResponse<String> answer = gateway.get("kz-gpo", "/api/v1/audit/entries?start=0&end=1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(json(answer.body()).get("code").asText()).isEqualTo("EGW-AUDIT-001");
        assertThat(answer.body()).doesNotContain("PACKAGE_RECEIVED");
        List<AuditRow> recorded = state.auditAfter(before);
        assertThat(recorded).extracting(AuditRow::eventType).containsExactly("ACCESS_REFUSED");
        assertThat(recorded.get(0).entry().get("actor").asText()).isEqualTo("kz-gpo");
        assertThat(recorded.get(0).detail("code")).isEqualTo("EGW-AUDIT-001");
        assertThat(recorded.get(0).detail("operation")).isEqualTo("auditEntries");
    }

    @Test
    @Order(5)
    void verifyCommand_checksTheGatewaysLogThroughTheApi_andNamesAnEntryChangedInTheDatabase() throws Exception {
        long size = AuditorClient.awaitCheckpointOfWholeLog(gateway).get("treeSize").asLong();
        List<String> args = remoteVerifyArguments();

        StringWriter out = new StringWriter();
        assertThat(evgw(out, args)).as(out.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("VERIFIED: " + size + " entries");
        assertThat(Files.readAllLines(dir.resolve("copy/entries.jsonl"))).hasSize((int) size);

        // When someone with the database file changes the first entry about kz-gpo (the log opens with the gateway's
        // configuration entries)
        GatewayState state = new GatewayState(gateway);
        String seq = state.rows("SELECT MIN(seq) FROM audit_entries WHERE entry_json LIKE '%kz-gpo%'").get(0).get(0);
        state.tamper("audit_entries",
                "UPDATE audit_entries SET entry_json = REPLACE(entry_json, 'kz-gpo', 'kz-mvd') WHERE seq = " + seq);

        // Then the verifier, reading through the API again, names it
        StringWriter again = new StringWriter();
        assertThat(evgw(again, args)).as(again.toString()).isEqualTo(1);
        assertThat(again.toString()).contains("first bad entry: " + seq).contains("entry " + seq + " was changed");
    }

    @Test
    @Order(6)
    void verifyCommand_withOnlyOneOfThePinnedCertificates_isAUsageError() throws Exception {
        StringWriter out = new StringWriter();
        int code = evgw(out, List.of("audit", "verify", gateway.uri("/").toString(), "--gateway-cert",
                auditor.gatewayCertificate().toString()));
        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(out.toString()).contains("give both --gateway-cert and --tsa-root");
    }

    private List<String> remoteVerifyArguments() {
        return List.of("audit", "verify", gateway.uri("/").toString(),
                "--key", auditor.tlsKey().toString(),
                "--tls-root", gateway.dir().resolve("pki/gw-root-ca.crt.pem").toString(),
                "--gateway-cert", auditor.gatewayCertificate().toString(),
                "--tsa-root", auditor.tsaRoot().toString(),
                "--copy-to", dir.resolve("copy").toString());
    }

    private static int evgw(StringWriter out, List<String> args) {
        CommandLine cli = EvgwCommand.commandLine();
        PrintWriter both = new PrintWriter(out, true);
        cli.setOut(both).setErr(both);
        return cli.execute(args.toArray(String[]::new));
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> answer = gateway.get(AUDITOR, path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return json(answer.body());
    }

    private static List<byte[]> hashes(JsonNode hex) {
        List<byte[]> out = new ArrayList<>();
        hex.forEach(h -> out.add(LogHashes.fromHex(h.asText())));
        return out;
    }

    private static JsonNode json(String text) throws Exception {
        return RestIngestIT.JSON.readTree(text);
    }
}
