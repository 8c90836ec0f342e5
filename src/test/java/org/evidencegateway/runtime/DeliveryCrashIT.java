package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evidencegateway.casesystem.DeliveryStore;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.open.TestPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery survives the gateway being killed (SIGKILL, a {@link ChildGateway}) at its two worst moments: in the
 * middle of its retries, and after the case system stored the package but before the gateway heard so. Started
 * again on the same folder, the gateway delivers the package exactly once in effect: stored once by the case
 * system, DELIVERED once, with one Delivery evidence.
 */
class DeliveryCrashIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void gatewayKilledInTheMiddleOfRetries_deliversThePackageOnce_afterARestart() throws Exception {
        // Given ua-case down, and a gateway in a JVM of its own retrying every few hundred milliseconds
        TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case"));
        TestGateway gateway = TestGateway.prepareDelivering(dir.resolve("gateway"),
                Map.of("ua-case", uaCase.endpoint()), DeliveryRetryIT.retries("100"));
        UUID id = UUID.randomUUID();
        TestPackages pkg = TestPackages.valid().packageId(id);
        int attemptsBeforeTheKill;
        try (ChildGateway child = ChildGateway.start(gateway, "256m")) {
            assertThat(gateway.submit("kz-gpo", pkg.build()).statusCode()).isEqualTo(202);

            // When two retries have failed, the gateway is killed
            attemptsBeforeTheKill = awaitRetries(gateway, 2, child);
            child.kill();
        }
        try (uaCase; gateway) {
            // And ua-case comes up, and the gateway starts again on the same folder
            uaCase.start();
            gateway.startAgain();

            // Then the retry the broker kept delivers the package, which ua-case stores once
            assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id)).isEqualTo("DELIVERED");
            DeliveryIT.assertStoredWithContent(uaCase, id, pkg);
            assertThat(uaCase.arrivals()).hasSize(1);
            assertThat(storedFolders(uaCase)).hasSize(1);
            List<GatewayState.AuditRow> rows = DeliveryRetryIT.rows(new GatewayState(gateway), -1, id);
            assertThat(rows).filteredOn(r -> r.eventType().equals("PACKAGE_DELIVERED")).hasSize(1);
            assertThat(rows).filteredOn(r -> r.eventType().equals("PACKAGE_NOT_DELIVERED")).isEmpty();
            // The attempts before the kill are on record, and the broker's count of them went on across it
            assertThat(rows).filteredOn(r -> r.eventType().equals("DELIVERY_ATTEMPTED"))
                    .hasSizeGreaterThan(attemptsBeforeTheKill)
                    .extracting(r -> Integer.parseInt(r.detail("attempt"))).doesNotHaveDuplicates().isSorted();
            Evidence delivery = DeliveryIT.evidence(gateway, "kz-gpo", id, EvidenceType.DELIVERY);
            assertThat(delivery.acknowledgementSha256()).isEqualTo(Sha256.hex(Files.readAllBytes(
                    uaCase.stored(id).resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE))));
        }
    }

    @Test
    void gatewayKilledAfterTheCaseSystemStored_theRepeatedDeliveryIsAbsorbed_andDeliveredOnce() throws Exception {
        // Given ua-case up, holding back its answer once it has stored a package, and a gateway in a JVM of its own
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case")).listener((m, ack) -> {
            stored.countDown();
            await(answer);
        }).start();
        Map<String, String> settings = new HashMap<>(DeliveryRetryIT.retries("100"));
        settings.put("gateway.delivery.timeout", "PT2M");
        TestGateway gateway = TestGateway.prepareDelivering(dir.resolve("gateway"),
                Map.of("ua-case", uaCase.endpoint()), settings);
        UUID id = UUID.randomUUID();
        TestPackages pkg = TestPackages.valid().packageId(id);
        byte[] acknowledgement;
        try (ChildGateway child = ChildGateway.start(gateway, "256m")) {
            assertThat(gateway.submit("kz-gpo", pkg.build()).statusCode()).isEqualTo(202);

            // When ua-case has stored the package, the gateway is killed before it hears the answer
            assertThat(stored.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as(child.transcript()).isTrue();
            child.kill();
            acknowledgement = Files.readAllBytes(uaCase.stored(id).resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE));
        } finally {
            answer.countDown();
        }
        try (uaCase; gateway) {
            // And it starts again on the same folder
            gateway.startAgain();

            // Then it delivers the package again, ua-case absorbs the repetition by the idempotency key (nothing
            // new stored, the first acknowledgement answered again), and the gateway records DELIVERED once
            assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id)).isEqualTo("DELIVERED");
            assertThat(uaCase.arrivals()).hasSize(1);
            assertThat(storedFolders(uaCase)).hasSize(1);
            assertThat(uaCase.stored(id).resolve(DeliveryStore.ACKNOWLEDGEMENT_FILE)).hasBinaryContent(acknowledgement);
            List<GatewayState.AuditRow> rows = DeliveryRetryIT.rows(new GatewayState(gateway), -1, id);
            assertThat(rows).filteredOn(r -> r.eventType().equals("DELIVERY_ATTEMPTED")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(rows).filteredOn(r -> r.eventType().equals("PACKAGE_DELIVERED")).hasSize(1);
            Evidence delivery = DeliveryIT.evidence(gateway, "kz-gpo", id, EvidenceType.DELIVERY);
            assertThat(delivery.acknowledgementSha256()).isEqualTo(Sha256.hex(acknowledgement));
        }
    }

    /** Waits until the gateway counted at least {@code retries} failed attempts; returns how many it counted. */
    private static int awaitRetries(TestGateway gateway, int retries, ChildGateway child) throws Exception {
        Pattern counter = Pattern.compile(
                "evgw_deliveries_total\\{destination=\"ua-case\",outcome=\"retry\"} ([0-9.]+)");
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Matcher m = counter.matcher(gateway.metrics());
            int counted = m.find() ? (int) Double.parseDouble(m.group(1)) : 0;
            if (counted >= retries) {
                return counted;
            }
            assertThat(Instant.now()).as("%d failed attempts; the child:%n%s", retries, child.transcript())
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static List<Path> storedFolders(TestCaseSystem caseSystem) throws Exception {
        try (Stream<Path> stored = Files.list(caseSystem.store())) {
            return stored.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
