package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.receive.ClaimCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries kept by the broker: a case system that is down is tried again with backoff (here shortened to a fraction
 * of a second) until it answers, and receives the package once; one that never answers gets the package's claim
 * check dead-lettered after the last attempt, with a NonDelivery evidence. Each test has a gateway of its own.
 */
class DeliveryRetryIT {
    @TempDir
    Path dir;

    @Test
    void caseSystemDownAtFirst_thenUp_receivesThePackageOnce_afterRetries() throws Exception {
        // Given ua-case down, and a gateway retrying every few hundred milliseconds
        try (TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case"));
             TestGateway gateway = TestGateway.delivering(dir.resolve("gateway"), Map.of("ua-case", uaCase.endpoint()),
                     retries("100"))) {
            GatewayState state = new GatewayState(gateway);
            long before = state.lastAuditSeq();
            UUID id = UUID.randomUUID();
            TestPackages pkg = TestPackages.valid().packageId(id);

            // When kz-gpo submits a package for it, two attempts fail, and then ua-case starts
            assertThat(gateway.submit("kz-gpo", pkg.build()).statusCode()).isEqualTo(202);
            awaitAudit(state, before, id, "DELIVERY_ATTEMPTED", 2);
            uaCase.start();

            // Then the package is delivered, and stored once
            assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id)).isEqualTo("DELIVERED");
            DeliveryIT.assertStoredWithContent(uaCase, id, pkg);
            try (Stream<Path> stored = Files.list(uaCase.store())) {
                assertThat(stored.filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(1);
            }
            List<GatewayState.AuditRow> rows = rows(state, before, id);
            assertThat(rows).filteredOn(r -> r.eventType().equals("PACKAGE_DELIVERED")).hasSize(1);
            assertThat(rows).filteredOn(r -> r.eventType().equals("DELIVERY_ATTEMPTED"))
                    .extracting(r -> Integer.parseInt(r.detail("attempt"))).startsWith(1, 2).isSorted();
            DeliveryIT.evidence(gateway, "kz-gpo", id, EvidenceType.DELIVERY);
        }
    }

    @Test
    void retriesSurviveAGatewayRestart_andThePackageIsDeliveredOnce() throws Exception {
        // Given ua-case down, and a package whose delivery failed twice
        try (TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case"));
             TestGateway gateway = TestGateway.delivering(dir.resolve("gateway"), Map.of("ua-case", uaCase.endpoint()),
                     retries("100"))) {
            UUID id = UUID.randomUUID();
            TestPackages pkg = TestPackages.valid().packageId(id);
            assertThat(gateway.submit("kz-gpo", pkg.build()).statusCode()).isEqualTo(202);
            awaitAudit(new GatewayState(gateway), -1, id, "DELIVERY_ATTEMPTED", 2);

            // When the gateway stops, ua-case comes up, and the gateway starts again on the same data
            gateway.stop();
            uaCase.start();
            gateway.startAgain();

            // Then the retry kept by the broker delivers the package, once
            assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id)).isEqualTo("DELIVERED");
            DeliveryIT.assertStoredWithContent(uaCase, id, pkg);
            assertThat(rows(new GatewayState(gateway), -1, id))
                    .filteredOn(r -> r.eventType().equals("PACKAGE_DELIVERED")).hasSize(1);
        }
    }

    @Test
    void caseSystemNeverUp_afterTheLastAttempt_isDeadLettered_withNonDelivery() throws Exception {
        // Given ua-case down for good, and a gateway making three attempts
        try (TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case"));
             TestGateway gateway = TestGateway.delivering(dir.resolve("gateway"), Map.of("ua-case", uaCase.endpoint()),
                     retries("3"))) {
            UUID id = UUID.randomUUID();

            // When kz-gpo submits a package for it
            assertThat(gateway.submit("kz-gpo", TestPackages.valid().packageId(id).build()).statusCode())
                    .isEqualTo(202);

            // Then after the third attempt the sender sees DELIVERY_FAILED with a NonDelivery evidence, the claim
            // check waits on the destination's dead-letter queue for an operator, and the metrics tell the attempts
            assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id)).isEqualTo("DELIVERY_FAILED");
            Evidence nonDelivery = DeliveryIT.evidence(gateway, "kz-gpo", id, EvidenceType.NON_DELIVERY);
            assertThat(nonDelivery.reasonCode()).isEqualTo("EGW-DLV-004");
            assertThat(nonDelivery.reasonMessage()).contains("ua-case").contains("3 times");
            GatewayState state = new GatewayState(gateway);
            state.awaitQueued(BrokerSettings.deadLetterQueue(ClaimCheck.queueFor("ua-case")), id);
            assertThat(state.browse(ClaimCheck.queueFor("ua-case"))).isEmpty();
            assertThat(gateway.metrics()).contains("evgw_deliveries_total{destination=\"ua-case\",outcome=\"retry\"} 2.0")
                    .contains("evgw_deliveries_total{destination=\"ua-case\",outcome=\"exhausted\"} 1.0");
        }
    }

    static Map<String, String> retries(String maxAttempts) {
        return Map.of("gateway.delivery.initial-retry-delay", "PT0.2S", "gateway.delivery.max-retry-delay", "PT0.5S",
                "gateway.delivery.max-attempts", maxAttempts, "gateway.delivery.timeout", "PT10S");
    }

    static List<GatewayState.AuditRow> rows(GatewayState state, long after, UUID id) throws Exception {
        return state.auditAfter(after).stream().filter(r -> id.toString().equals(r.packageId())).toList();
    }

    static void awaitAudit(GatewayState state, long after, UUID id, String type, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (rows(state, after, id).stream().filter(r -> r.eventType().equals(type)).count() < count) {
            assertThat(Instant.now()).as("%d× %s for %s", count, type, id).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
