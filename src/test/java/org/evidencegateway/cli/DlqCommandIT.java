package org.evidencegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.runtime.GatewayState;
import org.evidencegateway.runtime.GatewayTestPki;
import org.evidencegateway.runtime.TestCaseSystem;
import org.evidencegateway.runtime.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code evgw dlq} driven as an operator would, against a running gateway over mutual TLS with the operator's key
 * files: a package ua-case refuses for good is listed, shown, replayed (and refused again), then discarded.
 */
class DlqCommandIT {
    @TempDir
    Path dir;

    private TestCaseSystem uaCase;
    private TestGateway gateway;
    private GatewayState state;
    private Path operatorKey;
    private Path agencyKey;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case")).start();
        gateway = TestGateway.delivering(dir.resolve("gateway"), Map.of("ua-case", uaCase.endpoint()), Map.of());
        state = new GatewayState(gateway);
        operatorKey = keyPrefix(GatewayTestPki.OPERATOR);
        agencyKey = keyPrefix("kz-gpo");
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        uaCase.close();
    }

    @Test
    void dlq_listsShowsReplaysAndDiscardsADeadLetter_withTheOperatorsKey() throws Exception {
        // Given a package ua-case refused for good
        UUID id = deadLettered();

        // When the operator lists, shows and replays it
        int list = dlq(operatorKey, "list", "--json");
        JsonNode listed = CanonicalJson.MAPPER.readTree(out.toString());
        int show = dlq(operatorKey, "show", id.toString());
        String shown = out.toString();
        int replay = dlq(operatorKey, "replay", id.toString(), "--reason", "retry after the routing fix");
        String replayed = out.toString();

        // Then each succeeds, and the replay went back to ua-case, which refused it again
        assertThat(list).as(err.toString()).isZero();
        List<String> ids = new ArrayList<>();
        listed.get("deadLetters").forEach(l -> ids.add(l.get("packageId").asText()));
        assertThat(ids).containsExactly(id.toString());
        assertThat(show).as(err.toString()).isZero();
        assertThat(shown).contains(id.toString(), "ua-case", "EGW-DLV-002", "timeline:", "DELIVERY_FAILED",
                "NonDelivery");
        assertThat(replay).as(err.toString()).isZero();
        assertThat(replayed).contains("replay: " + id, "status now DELIVERING");
        awaitDeadLettered(id, 2);

        // When the operator discards it, then tries to discard it again
        int discard = dlq(operatorKey, "discard", id.toString(), "--reason", "sender asked to drop it");
        String discarded = out.toString();
        int again = dlq(operatorKey, "discard", id.toString(), "--reason", "once more");

        // Then it is gone, and the second discard is refused with the gateway's code: exit 1
        assertThat(discard).as(err.toString()).isZero();
        assertThat(discarded).contains("discard: " + id, "status now DELIVERY_FAILED");
        assertThat(again).isEqualTo(EvgwCommand.REFUSED);
        assertThat(err.toString()).contains("EGW-OPS-002", "HTTP 409");
        assertThat(state.auditAfter(-1)).filteredOn(r -> id.toString().equals(r.packageId()))
                .extracting(GatewayState.AuditRow::eventType)
                .contains("DEAD_LETTER_REPLAYED", "DEAD_LETTER_DISCARDED");
    }

    @Test
    void dlq_withAnAgencysKey_isRefused_exitOne_andWithoutAGateway_exitThree() throws Exception {
        int refused = dlq(agencyKey, "list");
        String refusal = err.toString();
        int noKey = dlq(dir.resolve("no-such-key"), "list");

        assertThat(refused).isEqualTo(EvgwCommand.REFUSED);
        assertThat(refusal).contains("EGW-OPS-005", "HTTP 403");
        assertThat(noKey).isEqualTo(EvgwCommand.LOCAL_FAILURE);
    }

    @Test
    void dlqReplay_withoutAReason_isAUsageError() {
        assertThat(dlq(operatorKey, "replay", UUID.randomUUID().toString())).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    private int dlq(Path key, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("dlq", args[0], "--gateway", "https://127.0.0.1:" + gateway.port(),
                "--key", key.toString(), "--trust", gateway.dir().resolve("pki/gw-root-ca.crt.pem").toString()));
        all.addAll(List.of(args).subList(1, args.length));
        CommandLine cli = EvgwCommand.commandLine();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cli.execute(all.toArray(String[]::new));
    }

    /** The party's TLS client key as a PEM pair; returns the prefix {@code --key} takes. */
    private Path keyPrefix(String party) {
        GatewayTestPki.PemClient pem = GatewayTestPki.writePemClient(GatewayTestPki.TLS_CLIENTS.get(party),
                dir.resolve("keys-" + party));
        String name = pem.certificate().getFileName().toString();
        return pem.certificate().resolveSibling(name.substring(0, name.length() - ".crt.pem".length()));
    }

    private UUID deadLettered() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id)
                .manifest(m -> m.toBuilder().recipient(new Party(Country.UA, "ua-npu")).build()).build();
        assertThat(gateway.submit("kz-gpo", pkg).statusCode()).isEqualTo(202);
        awaitDeadLettered(id, 1);
        return id;
    }

    /** Waits until the package's claim check is on ua-case's dead-letter queue after its {@code n}th refusal. */
    private void awaitDeadLettered(UUID id, int n) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (state.auditAfter(-1).stream().filter(r -> id.toString().equals(r.packageId())
                && r.eventType().equals("PACKAGE_NOT_DELIVERED")).count() < n) {
            assertThat(System.nanoTime()).as("refusal %d of %s", n, id).isLessThan(deadline);
            Thread.sleep(100);
        }
        state.awaitQueued(BrokerSettings.deadLetterQueue(ClaimCheck.queueFor("ua-case")), id);
    }
}
