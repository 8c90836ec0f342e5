package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.evidencegateway.open.TestPackages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What operators rely on, through a real gateway: health and readiness on the management port, Prometheus
 * metrics of ingest and queues, and the upload limits (concurrency, duration, size) with their error codes.
 */
class OperationsIT {
    static final int MAX_CONCURRENT = 2;
    static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(3);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(dir, Map.of(
                "gateway.limits.max-concurrent-uploads", Integer.toString(MAX_CONCURRENT),
                "gateway.limits.upload-timeout", UPLOAD_TIMEOUT.toString(),
                "gateway.limits.max-package-size", "1MiB"));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void health_isUp_withEveryReadinessCheckOfTheGateway() throws Exception {
        HttpResponse<String> ready = get("/observe/health/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode checks = JSON.readTree(ready.body()).get("checks");
        for (String id : List.of("evgw-broker", "evgw-package-store", "evgw-database", "evgw-party-registry")) {
            assertThat(check(checks, id).get("status").asText()).as(id).isEqualTo("UP");
        }
        assertThat(get("/observe/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void readiness_isDown_namingTheStore_whenFreeSpaceIsBelowTheMinimum_whileLivenessStaysUp() throws Exception {
        gateway.restartWith(Map.of("gateway.store.min-free-space", "1000000TiB"));
        try {
            HttpResponse<String> ready = get("/observe/health/ready");
            HttpResponse<String> live = get("/observe/health/live");

            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            JsonNode store = check(JSON.readTree(ready.body()).get("checks"), "evgw-package-store");
            assertThat(store.get("status").asText()).isEqualTo("DOWN");
            assertThat(store.get("message").asText()).contains("bytes free", "gateway.store.min-free-space");
            assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        } finally {
            gateway.restartWith(Map.of());
        }
    }

    @Test
    void metrics_countAcceptedAndRefusedPackages_bytes_latency_andQueueDepth() throws Exception {
        byte[] pkg = freshPackage();
        assertThat(submit(HttpRequest.BodyPublishers.ofByteArray(pkg)).statusCode()).isEqualTo(202);
        assertThat(submit(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).statusCode()).isEqualTo(400);

        HttpResponse<String> metrics = get("/observe/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("evgw_packages_accepted_total\\{destination=\"ua-case\"[^}]*} [1-9]")
                .containsPattern("evgw_packages_refused_total\\{code=\"EGW-PKG-002\"[^}]*} [1-9]")
                .containsPattern("evgw_received_bytes_total(\\{[^}]*})? [1-9]")
                .containsPattern("evgw_ingest_duration_seconds_bucket\\{outcome=\"accepted\",le=\"[0-9.]+\"} [1-9]")
                .containsPattern("evgw_queue_depth\\{queue=\"evgw.deliver.ua-case\"[^}]*} [1-9]")
                .contains("evgw_queue_depth{queue=\"DLQ.evgw.deliver.ua-case\"");
    }

    @Test
    void uploads_beyondTheConcurrencyLimit_areRefusedAtOnce_with503() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i <= MAX_CONCURRENT; i++) {
            byte[] pkg = freshPackage();
            uploads.add(submitAsync(trickling(pkg, Duration.ofMillis(1500))));
            Thread.sleep(300); // the earlier uploads hold their slots before the last one arrives
        }

        List<HttpResponse<String>> answers = uploads.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(202, 202, 503);
        JsonNode busy = JSON.readTree(answers.get(MAX_CONCURRENT).body());
        assertThat(busy.get("code").asText()).isEqualTo("EGW-REQ-003");
        assertThat(busy.get("evidence").get("evidenceType").asText())
                .as("a busy refusal is a recorded, signed SubmissionRejection").isEqualTo("SubmissionRejection");
        assertThat(submit(HttpRequest.BodyPublishers.ofByteArray(freshPackage())).statusCode())
                .as("slots are freed once uploads finish").isEqualTo(202);
    }

    @Test
    void upload_slowerThanTheTimeout_isAborted_with408_andItsSpoolRemoved() throws Exception {
        byte[] pkg = freshPackage();

        HttpResponse<String> answer = submit(trickling(pkg, UPLOAD_TIMEOUT.plusSeconds(2)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(408);
        assertThat(JSON.readTree(answer.body()).get("code").asText()).isEqualTo("EGW-REQ-004");
        assertThat(spooled()).isEmpty();
    }

    @Test
    void package_overTheSizeLimit_isRefused_with413() throws Exception {
        HttpResponse<String> answer = submit(HttpRequest.BodyPublishers.ofByteArray(new byte[(1 << 20) + 1]));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).get("code").asText()).isEqualTo("EGW-PKG-005");
        assertThat(spooled()).isEmpty();
    }

    /** A valid package under a new id, so that it is never taken for a resubmission of another test's. */
    private static byte[] freshPackage() {
        return TestPackages.valid().manifest(m -> m.toBuilder().packageId(UUID.randomUUID()).build()).build();
    }

    private static HttpRequest.BodyPublisher trickling(byte[] pkg, Duration total) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new TricklingInputStream(pkg, 30, total));
    }

    private static HttpResponse<String> submit(HttpRequest.BodyPublisher body) {
        return submitAsync(body).join();
    }

    private static CompletableFuture<HttpResponse<String>> submitAsync(HttpRequest.BodyPublisher body) {
        return TestGateway.client("kz-gpo").sendAsync(HttpRequest.newBuilder(gateway.uri("/api/v1/packages"))
                .header("Content-Type", "application/pkcs7-mime").POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = gateway.managementUri(path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode check(JsonNode checks, String id) {
        for (JsonNode check : checks) {
            if (id.equals(check.get("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no health check " + id + " in " + checks);
    }

    private static List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(gateway.dataDir().resolve("store/spool"))) {
            return files.toList();
        }
    }
}
