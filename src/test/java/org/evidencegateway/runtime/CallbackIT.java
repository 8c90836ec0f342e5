package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.runtime.TestCallbackReceiver.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence callbacks end to end: a party with a callback is told of every evidence about its package, through a
 * callback that is down at first, exactly once per evidence; a party that may not read the package is told nothing,
 * and a callback that never answers is given up with an audit entry.
 */
class CallbackIT {
    private static final int MAX_ATTEMPTS = 4;

    @TempDir
    Path dir;

    @Test
    void evidencesOfAPackage_reachTheSendersCallbackOnceEach_afterItComesUp() throws Exception {
        try (TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case")).start();
             TestCallbackReceiver receiver = TestCallbackReceiver.start()) {
            // Given kz-gpo and ua-npu with callbacks at the receiver, which is down, and ua-case with a callback
            // where nothing listens
            TestGateway gateway = TestGateway.prepareDelivering(dir.resolve("gateway"),
                    Map.of("ua-case", uaCase.endpoint()), Map.of(
                            "gateway.callbacks.initial-retry-delay", "PT0.05S",
                            "gateway.callbacks.max-retry-delay", "PT0.2S",
                            "gateway.callbacks.max-attempts", Integer.toString(MAX_ATTEMPTS)));
            registerCallback(gateway, "kz-gpo", receiver.url("kz-gpo"));
            registerCallback(gateway, "ua-npu", receiver.url("ua-npu"));
            registerCallback(gateway, "ua-case", "https://127.0.0.1:9/callbacks/ua-case");
            try (TestGateway running = gateway.startAgain()) {
                GatewayState state = new GatewayState(running);
                long before = state.lastAuditSeq();
                UUID id = UUID.randomUUID();

                // When kz-gpo submits a package to ua-pgo, and the callback comes up after refusing twice
                assertThat(running.submit("kz-gpo", TestPackages.valid().packageId(id).build()).statusCode())
                        .isEqualTo(202);
                await("two refused callbacks", receiver::refused, 2);
                receiver.up();

                // Then the SubmissionAcceptance, RelayAcceptance and Delivery reach kz-gpo's callback
                List<String> types = List.of(EvidenceType.SUBMISSION_ACCEPTANCE.id(), EvidenceType.RELAY_ACCEPTANCE.id(),
                        EvidenceType.DELIVERY.id());
                await("the three evidences", () -> receiver.taken().size(), types.size());
                List<Notification> taken = settled(receiver);
                assertThat(taken).extracting(Notification::path).containsOnly("/callbacks/kz-gpo");
                assertThat(taken).extracting(n -> n.body().at("/evidence/evidenceType").asText())
                        .containsExactlyInAnyOrderElementsOf(types);
                // ... once per evidence id, each verifiable, named by its Idempotency-Key, as the REST API lists them
                List<String> ids = new ArrayList<>();
                for (Notification n : taken) {
                    Evidence verified = running.evidence(n.body());
                    assertThat(n.body().get("packageId").asText()).isEqualTo(id.toString());
                    assertThat(verified.packageId()).isEqualTo(id);
                    assertThat(n.idempotencyKey()).isEqualTo(verified.evidenceId().toString())
                            .isEqualTo(n.body().at("/evidence/evidenceId").asText());
                    ids.add(n.idempotencyKey());
                }
                assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(listedEvidenceIds(
                        running, id));

                // ... ua-npu, which may not read the package, got nothing; ua-case's dead callback was given up
                await("ua-case's callbacks abandoned", () -> state.auditAfter(before).stream()
                        .filter(r -> r.eventType().equals("CALLBACK_ABANDONED")).toList().size(), 3);
                List<GatewayState.AuditRow> abandoned = state.auditAfter(before).stream()
                        .filter(r -> r.eventType().equals("CALLBACK_ABANDONED")).toList();
                assertThat(abandoned).allSatisfy(r -> {
                    assertThat(r.packageId()).isEqualTo(id.toString());
                    assertThat(r.detail("party")).isEqualTo("ua-case");
                    assertThat(r.detail("attempts")).isEqualTo(Integer.toString(MAX_ATTEMPTS));
                });
                assertThat(abandoned).extracting(r -> r.detail("evidenceId")).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(state.rows("SELECT party_id, state, COUNT(*) FROM callback_outbox "
                        + "GROUP BY party_id, state ORDER BY party_id")).containsExactly(
                        List.of("kz-gpo", "DONE", "3"), List.of("ua-case", "ABANDONED", "3"));
            }
        }
    }

    private static void registerCallback(TestGateway gateway, String party, String url) {
        GatewayTestPki.addCallback(gateway.dir().resolve("pki/parties.yaml"), party, url);
    }

    /** The notifications taken, once two more ticks of the notifier have passed without a new one. */
    private static List<Notification> settled(TestCallbackReceiver receiver) throws InterruptedException {
        List<Notification> taken;
        do {
            taken = receiver.taken();
            Thread.sleep(2_500);
        } while (receiver.taken().size() != taken.size());
        return taken;
    }

    private static List<String> listedEvidenceIds(TestGateway gateway, UUID id) throws Exception {
        JsonNode answer = DeliveryIT.JSON.readTree(gateway.get("kz-gpo", "/api/v1/packages/" + id + "/evidences")
                .body());
        List<String> ids = new ArrayList<>();
        answer.get("evidences").forEach(e -> ids.add(e.at("/evidence/evidenceId").asText()));
        return ids;
    }

    /** Waits up to a minute for {@code count} to reach {@code expected}. */
    private static void await(String what, ThrowingCount count, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (count.get() < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited a minute for " + what + ": " + count.get() + " of " + expected);
            }
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    private interface ThrowingCount {
        int get() throws Exception;
    }
}
