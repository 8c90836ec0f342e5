package org.evidencegateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evidencegateway.runtime.ChildGateway;
import org.evidencegateway.runtime.GatewayTestPki;
import org.evidencegateway.runtime.TestCaseSystem;
import org.evidencegateway.runtime.TestGateway;
import org.evidencegateway.store.TestDatabases;

/**
 * The system under test: a real gateway in a child JVM with its own heap limit (the development configuration on the
 * test PKI: H2 file database, embedded Artemis, package store, all under the benchmark's folder), delivering over
 * mutual TLS to a real reference case system ({@link TestCaseSystem}, ua-case over REST) in this JVM, whose store
 * is watched for arrivals. Clients submit as kz-gpo over HTTP/1.1 with keep-alive.
 */
final class BenchGateway implements AutoCloseable {
    private static final String CASE_SYSTEM = "ua-case";
    private static final Pattern QUEUE_DEPTH = Pattern.compile(
            "^evgw_queue_depth\\{queue=\"evgw\\.deliver\\." + CASE_SYSTEM + "\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    private final TestCaseSystem caseSystem;
    private final TestGateway gateway;
    private final ChildGateway child;
    private final StoreWatch arrivals;
    private final ProcessMemory memory;
    private final HttpClient management = HttpClient.newHttpClient();

    private BenchGateway(TestCaseSystem caseSystem, TestGateway gateway, ChildGateway child, StoreWatch arrivals) {
        this.caseSystem = caseSystem;
        this.gateway = gateway;
        this.child = child;
        this.arrivals = arrivals;
        this.memory = new ProcessMemory(child.pid());
    }

    /**
     * Starts the case system and the gateway (JVM with {@code -Xmx<heap>}, plus {@code jvmOptions}) under
     * {@code dir}, on H2 in that folder or on a fresh database of the embedded PostgreSQL server ({@code db}).
     */
    static BenchGateway start(Path dir, String heap, List<String> jvmOptions, String db) throws Exception {
        TestCaseSystem caseSystem = TestCaseSystem.prepare(CASE_SYSTEM, dir.resolve(CASE_SYSTEM)).start();
        try {
            TestGateway gateway = TestGateway.prepareDelivering(dir.resolve("gateway"),
                    Map.of(CASE_SYSTEM, caseSystem.endpoint()),
                    "postgresql".equals(db) ? TestDatabases.freshPostgres() : Map.of());
            ChildGateway child = ChildGateway.start(gateway, heap, jvmOptions, false);
            return new BenchGateway(caseSystem, gateway, child, new StoreWatch(caseSystem.store()));
        } catch (Exception | Error e) {
            caseSystem.close();
            throw e;
        }
    }

    /** A new client with its own keep-alive connections, presenting kz-gpo's TLS client certificate. */
    /** The gateway's process id. */
    long pid() {
        return child.pid();
    }

    HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestGateway.tls(GatewayTestPki.TLS_CLIENTS.get("kz-gpo")))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A submission of {@code body} to {@code POST /api/v1/packages}. */
    HttpRequest.Builder submission(Duration timeout) {
        return HttpRequest.newBuilder(submissionUri()).timeout(timeout)
                .header("Content-Type", "application/pkcs7-mime");
    }

    /** Where packages are submitted. */
    URI submissionUri() {
        return gateway.uri("/api/v1/packages");
    }

    StoreWatch arrivals() {
        return arrivals;
    }

    /** The folder of the gateway's keys; PEM pairs and trust anchors OpenSSL can read too. */
    Path pki() {
        return gateway.dir().resolve("pki");
    }

    /** The gateway's data folder: its package store is on this disk. */
    Path dataDir() {
        return gateway.dataDir();
    }

    /** Claim checks waiting on the case system's delivery queue, from the gateway's metrics. */
    long queueDepth() throws IOException, InterruptedException {
        HttpResponse<String> metrics = management.send(HttpRequest.newBuilder(gateway.managementUri(
                "/observe/metrics")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher depth = QUEUE_DEPTH.matcher(metrics.body());
        if (metrics.statusCode() != 200 || !depth.find()) {
            throw new IllegalStateException("no delivery queue depth in the gateway's metrics (HTTP "
                    + metrics.statusCode() + ")");
        }
        return (long) Double.parseDouble(depth.group(1));
    }

    /** Starts a measured phase: the heap peaks and the peak RSS of the gateway count from here. */
    void startPhase() throws IOException, InterruptedException {
        child.heapReport();
        memory.resetPeak();
    }

    /** The gateway's memory since {@link #startPhase()}. */
    PhaseMemory endPhase() throws IOException, InterruptedException {
        Map<String, String> heap = child.heapReport();
        return new PhaseMemory(Long.parseLong(heap.get("peak-heap")), Long.parseLong(heap.get("peak-heap-after-gc")),
                Long.parseLong(heap.get("max-heap")), memory.peakBytes(), memory.peakIsPerPhase());
    }

    /** Whether the gateway is still running; its last output otherwise. */
    void requireAlive() {
        if (!child.isAlive()) {
            throw new IllegalStateException("the gateway died:\n" + child.transcript());
        }
    }

    @Override
    public void close() throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable part : List.<AutoCloseable>of(child, arrivals, caseSystem)) {
            try {
                part.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /**
     * The gateway's memory during one phase.
     *
     * @param peakHeap       sum of the heap pools' peaks (G1 lets garbage pile up towards the limit)
     * @param liveAfterGc    largest heap occupancy right after a collection; -1 if none ran
     * @param maxHeap        the heap limit
     * @param peakRss        peak resident set size of the gateway's process
     * @param rssIsPerPhase  false if the kernel would not reset the RSS peak: then it counts from the start
     */
    record PhaseMemory(long peakHeap, long liveAfterGc, long maxHeap, long peakRss, boolean rssIsPerPhase) {
        String heapCell() {
            return Sizes.mib(peakHeap) + (liveAfterGc < 0 ? " (no GC)" : " (" + Sizes.mib(liveAfterGc) + ")");
        }

        String rssCell() {
            return peakRss < 0 ? "—" : Sizes.mib(peakRss) + (rssIsPerPhase ? "" : " (since start)");
        }
    }
}
