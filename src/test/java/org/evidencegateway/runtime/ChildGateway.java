package org.evidencegateway.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.evidencegateway.bench.ChildProcess;

/**
 * A {@link TestGateway} running in a child JVM (same java, test class path, its own heap limit), so that a test can
 * kill it as a crash would, or bound its memory; the parent keeps the folder, the keys and the clients.
 */
public final class ChildGateway implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    private ChildGateway(Process process) {
        this.process = process;
    }

    /** Starts a gateway on {@code gateway}'s folder and port in a JVM with {@code maxHeap}; returns once it serves. */
    public static ChildGateway start(TestGateway gateway, String maxHeap) throws IOException, InterruptedException {
        List<String> command = ChildProcess.jvm(maxHeap, TestGatewayMain.class,
                List.of(gateway.dir().toString(), Integer.toString(gateway.port())));
        ChildGateway child = new ChildGateway(new ProcessBuilder(command).redirectErrorStream(true).start());
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
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the child printed so far. */
    public String transcript() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Stops the child (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
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

    private void echo(CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
                System.out.println("    child| " + line);
                if (line.equals(TestGatewayMain.READY)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ready.countDown();
        }
    }
}
