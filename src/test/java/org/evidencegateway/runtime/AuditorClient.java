package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.evidencegateway.audit.LedgerKeys;
import org.evidencegateway.auditor.AuditorTls;
import org.evidencegateway.auditor.AuditorTrust;
import org.evidencegateway.auditor.ExportVerifier;
import org.evidencegateway.auditor.RemoteLog;
import org.evidencegateway.auditor.VerificationReport;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.Pem;

/**
 * The auditor's side of a {@link TestGateway}: settings that give the gateway a TSA valid at the test clock's time
 * and a checkpoint per entry, the key files the auditor uses, and the wait for a checkpoint covering the log.
 */
final class AuditorClient {
    static final String AUDITOR = "auditor";

    private final Path dir;

    /** Writes the auditor's files (TLS key pair, pinned certificates, TSA key) into {@code dir}. */
    AuditorClient(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        Credential tsa = LedgerKeys.shared().tsa();
        Pem.write(Path.of(tsaKey() + ".crt.pem"), tsa.certificate(), LedgerKeys.shared().root().certificate());
        Pem.writePrivateKey(Path.of(tsaKey() + ".key.pem"), tsa.privateKey());
        Pem.write(tsaRoot(), LedgerKeys.shared().root().certificate());
        Pem.write(gatewayCertificate(), GatewayTestPki.EVIDENCE_KEY.certificate());
        GatewayTestPki.writePemClient(GatewayTestPki.TLS_CLIENTS.get(AUDITOR), dir);
    }

    /** Gateway settings: this TSA (generated in memory, valid at the test clock's time), a checkpoint per entry. */
    Map<String, String> gatewaySettings() {
        return Map.of("gateway.audit.checkpoint.max-entries", "1", "gateway.audit.tsa.key", tsaKey().toString());
    }

    Path tsaRoot() {
        return dir.resolve("tsa-root.crt.pem");
    }

    Path gatewayCertificate() {
        return dir.resolve("gateway.crt.pem");
    }

    /** The auditor's TLS key pair prefix. */
    Path tlsKey() {
        return dir.resolve(GatewayTestPki.TLS_CLIENTS.get(AUDITOR).id());
    }

    AuditorTrust trust() {
        return new AuditorTrust(GatewayTestPki.EVIDENCE_KEY.certificate(), LedgerKeys.shared().root().certificate(),
                false);
    }

    /** Copies the gateway's log through the auditor API into {@code copy} and verifies it independently. */
    VerificationReport verifyThroughApi(TestGateway gateway, Path copy) throws IOException {
        new RemoteLog(gateway.uri("/"), AuditorTls.context(tlsKey(), gateway.dir().resolve("pki/gw-root-ca.crt.pem")))
                .copyTo(copy);
        return new ExportVerifier(trust()).verify(copy);
    }

    /** Waits for the checkpoint scheduler (a tick a second) to cover every entry with a timestamped checkpoint. */
    static JsonNode awaitCheckpointOfWholeLog(TestGateway gateway) throws Exception {
        long size = new GatewayState(gateway).lastAuditSeq() + 1;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> answer = gateway.get(AUDITOR, "/api/v1/audit/checkpoint");
            if (answer.statusCode() == 200) {
                JsonNode latest = RestIngestIT.JSON.readTree(answer.body());
                if (latest.get("treeSize").asLong() >= size && !latest.get("timestamp").isNull()) {
                    return latest;
                }
            }
            assertThat(Instant.now()).as("no timestamped checkpoint of tree size " + size + ": " + answer.body())
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private Path tsaKey() {
        return dir.resolve("tsa");
    }
}
