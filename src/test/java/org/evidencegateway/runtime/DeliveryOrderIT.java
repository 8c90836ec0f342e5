package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evidencegateway.casesystem.DeliveryMetadata;
import org.evidencegateway.open.TestPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordering under concurrent consumers: packages of one case reach the case system in the order the gateway accepted
 * them, while another case's packages do not wait for them — even when the case system takes long over one of them.
 */
class DeliveryOrderIT {
    private static final int PER_CASE = 5;
    private static final String CASE_A = "TEST-ORDER-A";
    private static final String CASE_B = "TEST-ORDER-B";

    @Test
    void packagesOfOneCase_arriveInAcceptanceOrder_andAnotherCaseDoesNotWaitForThem(@TempDir Path dir)
            throws Exception {
        // Given ua-case, which takes long over the first package of case A: until every package of case B is
        // stored (or a minute has passed)
        CountDownLatch caseBStored = new CountDownLatch(PER_CASE);
        AtomicBoolean caseBPassedCaseA = new AtomicBoolean();
        AtomicBoolean firstOfA = new AtomicBoolean(true);
        try (TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case")).listener((m, ack) -> {
            if (m.caseReference().equals(CASE_B)) {
                caseBStored.countDown();
            } else if (firstOfA.getAndSet(false)) {
                caseBPassedCaseA.set(await(caseBStored));
            }
        }).start();
             TestGateway gateway = TestGateway.delivering(dir.resolve("gateway"), Map.of("ua-case", uaCase.endpoint()),
                     Map.of("gateway.delivery.concurrent-consumers", "4"))) {

            // When the packages of cases A and B are submitted alternately, each accepted before the next is sent
            List<UUID> caseA = new ArrayList<>();
            List<UUID> caseB = new ArrayList<>();
            for (int i = 0; i < PER_CASE; i++) {
                caseA.add(submit(gateway, CASE_A));
                caseB.add(submit(gateway, CASE_B));
            }

            // Then all are delivered; each case's packages were stored in the order they were accepted, and case B
            // went past case A's slow package
            for (UUID id : caseA) {
                assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id)).isEqualTo("DELIVERED");
            }
            for (UUID id : caseB) {
                assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id)).isEqualTo("DELIVERED");
            }
            assertThat(arrivals(uaCase, CASE_A)).containsExactlyElementsOf(caseA);
            assertThat(arrivals(uaCase, CASE_B)).containsExactlyElementsOf(caseB);
            assertThat(caseBPassedCaseA).as("every package of case B stored while case A's first waited").isTrue();
        }
    }

    @Test
    void packagesOfOneCase_keepTheirOrder_whenTheEarlierOneWaitsLongerForItsRetry(@TempDir Path dir) throws Exception {
        // Given ua-case down, and a gateway whose retries wait 0.2 s, then twice as long each time
        try (TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case"));
             TestGateway gateway = TestGateway.delivering(dir.resolve("gateway"), Map.of("ua-case", uaCase.endpoint()),
                     Map.of("gateway.delivery.initial-retry-delay", "PT0.2S",
                             "gateway.delivery.max-retry-delay", "PT5S", "gateway.delivery.max-attempts", "100"))) {
            GatewayState state = new GatewayState(gateway);

            // When a package of case A has failed five times (its next retry some 3 s away), a second package of
            // case A is accepted (and taken from the queue at once, its next try 0.2 s away), and ua-case comes up
            UUID first = submit(gateway, CASE_A);
            DeliveryRetryIT.awaitAudit(state, -1, first, "DELIVERY_ATTEMPTED", 5);
            UUID second = submit(gateway, CASE_A);
            Thread.sleep(500);
            uaCase.start();

            // Then both are delivered, the first first: the second waited for it
            assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", first)).isEqualTo("DELIVERED");
            assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", second)).isEqualTo("DELIVERED");
            assertThat(arrivals(uaCase, CASE_A)).containsExactly(first, second);
        }
    }

    private static UUID submit(TestGateway gateway, String caseReference) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] pkg = TestPackages.valid().packageId(id)
                .manifest(m -> m.toBuilder().caseReference(caseReference).build()).build();
        assertThat(gateway.submit("kz-gpo", pkg).statusCode()).isEqualTo(202);
        return id;
    }

    private static List<UUID> arrivals(TestCaseSystem caseSystem, String caseReference) {
        return caseSystem.arrivals().stream().filter(m -> m.caseReference().equals(caseReference))
                .map(DeliveryMetadata::packageId).toList();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
