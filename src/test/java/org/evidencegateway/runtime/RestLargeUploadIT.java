package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.evidencegateway.bench.LargePackageFile;
import org.evidencegateway.bench.Sizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REST ingest streams: a package of more than a gigabyte, eight times the heap of the gateway's JVM, is uploaded,
 * spooled, verified, stored and accepted.
 */
class RestLargeUploadIT {
    static final long GATEWAY_HEAP = 128 * Sizes.MIB;
    static final long PAYLOAD = 8 * GATEWAY_HEAP;
    /** The evidence file, the package built from it, and the gateway's stored copy are on disk together. */
    static final int DISK_COPIES = 3;

    @Test
    void submit_acceptsPackageOfEightHeaps_fromAGatewayWith128MiBHeap(@TempDir Path dir) throws Exception {
        long usable = Files.getFileStore(dir).getUsableSpace();
        assertThat(usable).as("usable disk in %s: this test needs %s free (%d copies of %s)", dir,
                Sizes.format(DISK_COPIES * PAYLOAD + 256 * Sizes.MIB), DISK_COPIES, Sizes.format(PAYLOAD))
                .isGreaterThan(DISK_COPIES * PAYLOAD + 256 * Sizes.MIB);

        // Given a gateway starting in a JVM with a 128 MiB heap (while the package is built, to save time)
        TestGateway gateway = TestGateway.prepare(dir.resolve("gateway"));
        CompletableFuture<ChildGateway> starting = ChildGateway.startInBackground(gateway,
                GATEWAY_HEAP / Sizes.MIB + "m");

        try {
            // And a package built around a generated 1 GiB evidence file
            UUID id = UUID.randomUUID();
            LargePackageFile large = LargePackage.build(dir, PAYLOAD, id);
            Path pkg = large.file();
            long size = Files.size(pkg);
            assertThat(size).as("package size").isGreaterThanOrEqualTo(8 * GATEWAY_HEAP);

            try (ChildGateway child = starting.get()) {
                // When it is streamed from the file to the gateway
                HttpResponse<String> response = TestGateway.client("kz-gpo").send(HttpRequest.newBuilder(
                                gateway.uri("/api/v1/packages")).timeout(Duration.ofMinutes(3))
                        .header("Content-Type", "application/pkcs7-mime")
                        .POST(HttpRequest.BodyPublishers.ofFile(pkg)).build(), HttpResponse.BodyHandlers.ofString());

                // Then it is accepted, the receipt names its digest, and the gateway is still alive
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                JsonNode receipt = RestIngestIT.JSON.readTree(response.body());
                assertThat(receipt.get("packageId").asText()).isEqualTo(id.toString());
                assertThat(receipt.get("packageSha256").asText()).isEqualTo(large.sha256());
                assertThat(child.isAlive()).as(child.transcript()).isTrue();
                assertThat(gateway.dataDir().resolve("store/packages/" + id + ".p7m")).hasSize(size);
            }
        } finally {
            ChildGateway.closeWhenStarted(starting);
        }
    }
}
