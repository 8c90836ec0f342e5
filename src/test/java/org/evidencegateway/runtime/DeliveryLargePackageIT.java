package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.evidencegateway.bench.LargePackageFile;
import org.evidencegateway.bench.Sizes;
import org.evidencegateway.bench.SyntheticPayload;
import org.evidencegateway.casesystem.DeliveryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery streams: a package of more than eight times the heap of the gateway's JVM is accepted, re-enveloped for
 * the case system and delivered to it, and the item the case system extracts is bit for bit the source.
 */
class DeliveryLargePackageIT {
    static final long GATEWAY_HEAP = 64 * Sizes.MIB;
    static final long PAYLOAD = 600 * Sizes.MIB;
    /**
     * On disk together at the peak: the test's package, the gateway's stored copy, its re-enveloped copy, and the
     * case system's copy of the package with the item it extracted.
     */
    static final int DISK_COPIES = 5;

    @Test
    void deliver_streamsAPackageOfEightHeaps_fromAGatewayWith64MiBHeap_toTheCaseSystem(@TempDir Path dir)
            throws Exception {
        long needed = DISK_COPIES * PAYLOAD + 256 * Sizes.MIB;
        assertThat(Files.getFileStore(dir).getUsableSpace()).as("usable disk in %s: this test needs %s free "
                + "(%d copies of %s)", dir, Sizes.format(needed), DISK_COPIES, Sizes.format(PAYLOAD)).isGreaterThan(needed);

        // Given ua-case up, and a gateway delivering to it from a JVM with a 64 MiB heap (started while the package
        // is built, to save time)
        try (TestCaseSystem uaCase = TestCaseSystem.prepare("ua-case", dir.resolve("ua-case")).start()) {
            TestGateway gateway = TestGateway.prepareDelivering(dir.resolve("gateway"),
                    Map.of("ua-case", uaCase.endpoint()), Map.of());
            CompletableFuture<ChildGateway> starting = ChildGateway.startInBackground(gateway,
                    GATEWAY_HEAP / Sizes.MIB + "m");
            try {
                // And a package of 600 MiB of generated evidence
                UUID id = UUID.randomUUID();
                LargePackageFile large = LargePackage.build(dir, PAYLOAD, id);
                assertThat(large.size()).as("package size").isGreaterThanOrEqualTo(8 * GATEWAY_HEAP);

                try (ChildGateway child = starting.get()) {
                    // When it is streamed to the gateway
                    long start = System.nanoTime();
                    HttpResponse<String> response = TestGateway.client("kz-gpo").send(HttpRequest.newBuilder(
                                    gateway.uri("/api/v1/packages")).timeout(Duration.ofMinutes(5))
                            .header("Content-Type", "application/pkcs7-mime")
                            .POST(HttpRequest.BodyPublishers.ofFile(large.file())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    double accepted = seconds(start);

                    // Then the gateway delivers it, and ua-case stores the item bit for bit as the source
                    assertThat(DeliveryIT.awaitFinalStatus(gateway, "kz-gpo", id, Duration.ofMinutes(10)))
                            .as(child.transcript()).isEqualTo("DELIVERED");
                    double delivered = seconds(start);
                    assertThat(child.isAlive()).as(child.transcript()).isTrue();
                    Path item = uaCase.stored(id).resolve(DeliveryStore.CONTENT_DIR).resolve(large.item().path());
                    assertThat(item).hasSize(PAYLOAD);
                    assertThat(SyntheticPayload.sha256(item)).as("SHA-256 of the item ua-case stored")
                            .isEqualTo(large.item().sha256());
                    System.out.printf(Locale.ROOT, "DeliveryLargePackageIT: package of %s through a gateway with "
                                    + "-Xmx%dm: accepted in %.1f s, delivered %.1f s after the upload began%n",
                            Sizes.mib(large.size()), GATEWAY_HEAP / Sizes.MIB, accepted, delivered);
                }
            } finally {
                ChildGateway.closeWhenStarted(starting);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
