package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.manifest.Country;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.receive.ClaimCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dead letters through the admin REST API, end to end: ua-case refuses two packages for ua-npu for good (403
 * EGW-DLV-002), so both are dead-lettered with a NonDelivery evidence; the operator lists and inspects them,
 * discards one, and replays the other once ua-case serves ua-npu, which delivers it once. Other parties are refused
 * with 403, and every refusal is audited. The tests share one gateway and run in order: the case system is fixed
 * half-way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterAdminIT {
    private static final String OPERATOR = GatewayTestPki.OPERATOR;
    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    @TempDir
    static Path dir;
    static TestCaseSystem uaCase;
    static TestGateway gateway;
    static GatewayState state;
    static UUID toReplay;
    static UUID toDiscard;

    @BeforeAll
    static void deadLetterTwoPackages() throws Exception {
        uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case")).start();
        gateway = TestGateway.delivering(dir.resolve("gateway"), Map.of("ua-case", uaCase.endpoint()), Map.of());
        state = new GatewayState(gateway);
        toReplay = submitForNpu("KZ-DLQ-0001");
        toDiscard = submitForNpu("KZ-DLQ-0002");
        for (UUID id : List.of(toReplay, toDiscard)) {
            assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id)).isEqualTo("DELIVERY_FAILED");
            state.awaitQueued(BrokerSettings.deadLetterQueue(ClaimCheck.queueFor("ua-case")), id);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        TestGateway.close(gateway, uaCase);
    }

    @Test
    @Order(1)
    void list_showsTheDeadLettersWithTheCaseSystemsError_andShowAddsTimelineAndEvidences() throws Exception {
        HttpResponse<String> all = gateway.get(OPERATOR, DEAD_LETTERS);
        HttpResponse<String> ua = gateway.get(OPERATOR, DEAD_LETTERS + "?destination=ua-case");
        HttpResponse<String> kz = gateway.get(OPERATOR, DEAD_LETTERS + "?destination=kz-case");
        HttpResponse<String> shown = gateway.get(OPERATOR, DEAD_LETTERS + "/" + toReplay);

        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        DeliveryIT.JSON.readTree(all.body()).get("deadLetters").forEach(letters::add);
        // (two cases, delivered concurrently: dead-lettered in either order)
        assertThat(letters).extracting(l -> l.get("packageId").asText())
                .containsExactlyInAnyOrder(toReplay.toString(), toDiscard.toString());
        JsonNode first = letters.stream().filter(l -> l.get("packageId").asText().equals(toReplay.toString()))
                .findFirst().orElseThrow();
        assertThat(first.get("destination").asText()).isEqualTo("ua-case");
        assertThat(first.get("caseReference").asText()).isEqualTo("KZ-DLQ-0001");
        assertThat(first.get("sender").asText()).isEqualTo("kz-gpo");
        assertThat(first.get("status").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(first.get("lastErrorCode").asText()).isEqualTo("EGW-DLV-002");
        assertThat(first.get("lastErrorReason").asText()).contains("ua-npu");
        assertThat(first.get("deadLetteredAt").asText()).isNotBlank();
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(DeliveryIT.JSON.readTree(ua.body()).get("deadLetters")).hasSize(2);
        assertThat(DeliveryIT.JSON.readTree(kz.body()).get("deadLetters")).isEmpty();
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        JsonNode detail = DeliveryIT.JSON.readTree(shown.body());
        assertThat(detail.at("/deadLetter/packageId").asText()).isEqualTo(toReplay.toString());
        assertThat(detail.get("timeline").findValuesAsText("status")).endsWith("DELIVERY_FAILED");
        assertThat(detail.get("evidences").findValuesAsText("evidenceType")).contains("NonDelivery");
    }

    @Test
    @Order(2)
    void nonOperators_areRefusedWith403_andEachRefusalIsAudited() throws Exception {
        long before = state.lastAuditSeq();

        HttpResponse<String> agency = gateway.get("kz-gpo", DEAD_LETTERS);
        HttpResponse<String> auditor = post("auditor", toReplay, "replay", "{\"reason\": \"not mine to do\"}");

        assertProblem(agency, 403, "EGW-OPS-005");
        assertProblem(auditor, 403, "EGW-OPS-005");
        List<GatewayState.AuditRow> refusals = state.auditAfter(before);
        assertThat(refusals).extracting(GatewayState.AuditRow::eventType)
                .containsExactly("OPERATOR_ACTION_REFUSED", "OPERATOR_ACTION_REFUSED");
        assertThat(refusals).extracting(r -> r.entry().get("actor").asText()).containsExactly("kz-gpo", "auditor");
        assertThat(refusals).extracting(r -> r.detail("action")).containsExactly("list", "replay");
        assertThat(refusals).extracting(r -> r.detail("code")).containsOnly("EGW-OPS-005");
        assertThat(refusals.get(1).packageId()).isEqualTo(toReplay.toString());
        // and nothing moved
        assertThat(state.browse(BrokerSettings.deadLetterQueue(ClaimCheck.queueFor("ua-case")))).hasSize(2);
    }

    @Test
    @Order(3)
    void discard_removesTheDeadLetter_thePackageStaysFailed_andTheLedgerSaysWhoAndWhy() throws Exception {
        long before = state.lastAuditSeq();

        HttpResponse<String> discarded = post(OPERATOR, toDiscard, "discard",
                "{\"reason\": \"request withdrawn by the sender (ticket OPS-17)\"}");
        HttpResponse<String> again = post(OPERATOR, toDiscard, "replay", "{\"reason\": \"changed my mind\"}");

        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(DeliveryIT.JSON.readTree(discarded.body()).get("status").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(state.browse(BrokerSettings.deadLetterQueue(ClaimCheck.queueFor("ua-case"))))
                .extracting(GatewayState.QueuedMessage::packageId).containsExactly(toReplay.toString());
        assertProblem(again, 409, "EGW-OPS-002");
        List<GatewayState.AuditRow> rows = state.auditAfter(before);
        assertThat(rows).extracting(GatewayState.AuditRow::eventType)
                .containsExactly("DEAD_LETTER_DISCARDED", "OPERATOR_ACTION_REFUSED");
        assertThat(rows.get(0).entry().get("actor").asText()).isEqualTo(OPERATOR);
        assertThat(rows.get(0).detail("reason")).isEqualTo("request withdrawn by the sender (ticket OPS-17)");
        assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", toDiscard)).isEqualTo("DELIVERY_FAILED");
    }

    @Test
    @Order(4)
    void replay_afterTheCaseSystemIsFixed_deliversThePackageOnce() throws Exception {
        // Given ua-case fixed: it serves ua-npu now
        uaCase.close();
        uaCase.alsoServing("ua-npu").start();
        long before = state.lastAuditSeq();

        // When the operator replays the dead letter with a reason
        HttpResponse<String> replayed = post(OPERATOR, toReplay, "replay",
                "{\"reason\": \"ua-case now serves ua-npu (change CHG-42)\"}");

        // Then it is delivered, stored once by the case system, and the sender sees the Delivery evidence
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", toReplay)).isEqualTo("DELIVERED");
        assertThat(uaCase.stored(toReplay)).isDirectory();
        try (Stream<Path> stored = Files.list(uaCase.store())) {
            assertThat(stored.filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(1);
        }
        DeliveryIT.evidence(gateway, "kz-gpo", toReplay, EvidenceType.DELIVERY);
        // the ledger: the replay (operator, reason), then one attempt and one delivery
        List<GatewayState.AuditRow> rows = state.auditAfter(before).stream()
                .filter(r -> toReplay.toString().equals(r.packageId())).toList();
        assertThat(rows).extracting(GatewayState.AuditRow::eventType)
                .containsExactly("DEAD_LETTER_REPLAYED", "DELIVERY_ATTEMPTED", "PACKAGE_DELIVERED");
        assertThat(rows.get(0).entry().get("actor").asText()).isEqualTo(OPERATOR);
        assertThat(rows.get(0).detail("reason")).isEqualTo("ua-case now serves ua-npu (change CHG-42)");
        assertThat(state.browse(BrokerSettings.deadLetterQueue(ClaimCheck.queueFor("ua-case")))).isEmpty();
        // the timeline shows the way back
        JsonNode view = DeliveryIT.JSON.readTree(gateway.get("kz-gpo", "/api/v1/packages/" + toReplay).body());
        assertThat(view.get("timeline").findValuesAsText("status")).containsSubsequence("DELIVERY_FAILED",
                "DELIVERING", "DELIVERED");
    }

    @Test
    @Order(5)
    void replayOfADeliveredPackage_is409_unknownIs404_noReasonIs400() throws Exception {
        UUID unknown = UUID.randomUUID();

        assertProblem(post(OPERATOR, toReplay, "replay", "{\"reason\": \"twice\"}"), 409, "EGW-OPS-002");
        assertProblem(post(OPERATOR, unknown, "replay", "{\"reason\": \"who?\"}"), 404, "EGW-OPS-001");
        assertProblem(gateway.get(OPERATOR, DEAD_LETTERS + "/not-a-uuid"), 404, "EGW-OPS-001");
        assertProblem(post(OPERATOR, toReplay, "discard", "{}"), 400, "EGW-OPS-004");
        assertProblem(post(OPERATOR, toReplay, "discard", "{\"reason\": \"\"}"), 400, "EGW-OPS-004");
        assertProblem(gateway.get(OPERATOR, DEAD_LETTERS + "?destination=kz-gpo"), 404, "EGW-OPS-006");
    }

    private static UUID submitForNpu(String caseReference) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id).manifest(m -> m.toBuilder()
                .recipient(new Party(Country.UA, "ua-npu")).caseReference(caseReference).build()).build();
        assertThat(gateway.submit("kz-gpo", pkg).statusCode()).isEqualTo(202);
        return id;
    }

    private static HttpResponse<String> post(String party, UUID id, String action, String json) throws Exception {
        return TestGateway.client(party).send(HttpRequest.newBuilder(gateway.uri(DEAD_LETTERS + "/" + id + "/"
                        + action)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(DeliveryIT.JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }
}
