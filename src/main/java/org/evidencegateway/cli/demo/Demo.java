package org.evidencegateway.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** Runs the demo: empties its folder, starts everything, plays the story, and stops (or waits for Ctrl-C). */
public final class Demo {
    private Demo() {
    }

    /**
     * Plays the demo on {@code setup}, telling it on {@code out}; returns the checks that failed (none if every step
     * turned out as expected). With {@code keepRunning} it returns only once the process is told to stop.
     */
    public static List<String> run(DemoSetup setup, PrintWriter out, boolean keepRunning) throws Exception {
        Instant started = Instant.now();
        Narrator narrator = new Narrator(out);
        empty(setup.dir());
        narrator.step("Starting the gateway and the reference case systems on loopback (folder " + setup.dir() + ")");
        Path log = setup.dir().resolve("demo.log");
        narrator.say("their log lines go to %s", log);
        try (DemoLog logging = DemoLog.to(log); DemoNetwork network = DemoNetwork.start(setup, narrator)) {
            try {
                new DemoStory(narrator, network).play();
            } catch (Exception e) {
                narrator.failed("the demo stopped early", e);
            }
            Duration took = Duration.between(started, Instant.now());
            out.println();
            out.printf(narrator.failures().isEmpty()
                    ? "Demo complete in %d s: every step turned out as expected.%n"
                    : "Demo FAILED (%d s) at: %s%n", took.toSeconds(), narrator.failures());
            out.flush();
            if (keepRunning) {
                out.println("Everything stays up (--keep-running); stop with Ctrl-C.");
                out.flush();
                awaitStop();
            }
        }
        return narrator.failures();
    }

    private static void awaitStop() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
    }

    private static void empty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
