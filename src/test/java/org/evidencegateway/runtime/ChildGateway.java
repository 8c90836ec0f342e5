package org.evidencegateway.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.evidencegateway.bench.ChildProcess;

/**
 * A {@link TestGateway} running in a child JVM (same java, test class path, its own heap limit), so that a test can
 * kill it as a crash would, or bound its memory; the parent keeps the folder, the keys and the clients.
 */
public final class ChildGateway implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final String HEAP_PREFIX = "heap.";
    /** Lines of output kept for {@link #transcript()}: a benchmark's child logs far more than a test needs. */
    private static final int KEPT_LINES = 10_000;

    private final Process process;
    private final boolean echoWhenReady;
    private final Deque<String> output = new ArrayDeque<>();
    private final BlockingQueue<String> heapReports = new LinkedBlockingQueue<>();
    private volatile boolean closing;

    private ChildGateway(Process process, boolean echoWhenReady) {
        this.process = process;
        this.echoWhenReady = echoWhenReady;
    }

    /**
     * Starts a gateway on {@code gateway}'s folder, port and settings in a JVM with {@code maxHeap}; returns once it
     * serves.
     */
    public static ChildGateway start(TestGateway gateway, String maxHeap) throws IOException, InterruptedException {
        return start(gateway, maxHeap, List.of(), true);
    }

    /**
     * Same as {@link #start(TestGateway, String)}, with more options for the JVM (e.g. a flight recording); unless
     * {@code echoWhenReady}, what the child prints once it serves is only kept for {@link #transcript()}, not echoed.
     */
    public static ChildGateway start(TestGateway gateway, String maxHeap, List<String> jvmOptions,
                                     boolean echoWhenReady) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(gateway.dir().toString(), Integer.toString(gateway.port())));
        gateway.extraSettings().forEach((key, value) -> args.add(key + "=" + value));
        List<String> command = ChildProcess.jvm(maxHeap, jvmOptions, TestGatewayMain.class, args);
        ChildGateway child = new ChildGateway(new ProcessBuilder(command).redirectErrorStream(true).start(),
                echoWhenReady);
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> child.echo(ready), "child-gateway-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || !child.process.isAlive()) {
            child.kill();
            throw new IllegalStateException("the child gateway did not start within " + START_TIMEOUT + ":\n"
                    + child.transcript());
        }
        return child;
    }

    /** Starts a child as {@link #start} does, in the background (while the test prepares its package, say). */
    public static CompletableFuture<ChildGateway> startInBackground(TestGateway gateway, String maxHeap) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return start(gateway, maxHeap);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Stops the child {@link #startInBackground} starts, once started, whatever failed: it does not outlive a test. */
    public static void closeWhenStarted(CompletableFuture<ChildGateway> starting) {
        starting.handle((child, failure) -> {
            if (child != null) {
                child.close();
            }
            return null;
        }).join();
    }

    /** Kills the child at once (SIGKILL): no shutdown hook, no orderly close of broker or database. */
    public void kill() throws InterruptedException {
        closing = true;
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's process id (for its resident set size in {@code /proc}). */
    public long pid() {
        return process.pid();
    }

    /**
     * The child's heap peaks since the previous call (or since it started): {@code peak-heap}, {@code
     * peak-heap-after-gc}, {@code max-heap} and {@code gc} as {@link org.evidencegateway.bench.HeapWatch} reports them.
     */
    public Map<String, String> heapReport() throws IOException, InterruptedException {
        heapReports.clear();
        OutputStream in = process.getOutputStream();
        in.write((TestGatewayMain.HEAP_REPORT + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String line = heapReports.poll(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("the child gateway did not report its heap:\n" + transcript());
        }
        Map<String, String> values = new LinkedHashMap<>();
        new ChildProcess.Result(0, 0, -1, List.of(line)).values()
                .forEach((key, value) -> values.put(key.substring(HEAP_PREFIX.length()), value));
        return values;
    }

    /** What the child printed so far (the last {@value #KEPT_LINES} lines). */
    public String transcript() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Stops the child (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        closing = true;
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void keep(String line) {
        synchronized (output) {
            output.addLast(line);
            if (output.size() > KEPT_LINES) {
                output.removeFirst();
            }
        }
    }

    private void echo(CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                keep(line);
                if (line.startsWith(ChildProcess.RESULT_PREFIX + HEAP_PREFIX)) {
                    heapReports.add(line);
                    continue;
                }
                if (echoWhenReady || ready.getCount() > 0) {
                    System.out.println("    child| " + line);
                }
                if (line.equals(TestGatewayMain.READY)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            if (!closing) {
                throw new UncheckedIOException(e);
            }
            // Stopping the child closes its output under this reader: the end of the transcript, not a failure.
        } finally {
            ready.countDown();
        }
    }
}
