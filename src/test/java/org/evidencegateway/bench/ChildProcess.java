package org.evidencegateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a command — or a main class of the test classpath in a fresh JVM with its own heap limit — as a child
 * process: times it, takes its peak resident set size, echoes its output and collects the {@code RESULT key=value}
 * lines it prints.
 *
 * <p>The peak RSS comes from GNU time ({@code /usr/bin/time -v}) when installed, else from sampling
 * {@code VmHWM} in {@code /proc/<pid>/status} (which may miss a peak in the last sampling interval).
 */
public final class ChildProcess {
    /** Prefix of the machine-readable lines a child prints: {@code RESULT key=value key=value}. */
    public static final String RESULT_PREFIX = "RESULT ";
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final String RSS_LINE = "Maximum resident set size (kbytes):";

    private ChildProcess() {
    }

    /**
     * The command line starting {@code main} in a JVM like this one (same {@code java}, same class path) with
     * {@code -Xmx<maxHeap>}; the child exits at once on OutOfMemoryError instead of limping on.
     */
    public static List<String> jvm(String maxHeap, Class<?> main, List<String> args) {
        return jvm(maxHeap, List.of(), main, args);
    }

    /** Same as {@link #jvm(String, Class, List)}, with more options for the JVM before the class path. */
    public static List<String> jvm(String maxHeap, List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return command;
    }

    /** Runs {@code command}, killing it after {@code timeout}; never throws for a non-zero exit code. */
    public static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        boolean gnuTime = Files.isExecutable(GNU_TIME);
        Path timeReport = gnuTime ? Files.createTempFile("evgw-time-", ".txt") : null;
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", timeReport.toString()));
        }
        full.addAll(command);
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            Thread reader = echo(process, output);
            AtomicLong sampledRss = new AtomicLong(-1);
            Thread sampler = gnuTime ? null : sampleRss(process, sampledRss);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("child process did not finish within " + timeout + ": " + command);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            reader.join();
            if (sampler != null) {
                sampler.join();
            }
            long rss = gnuTime ? gnuTimeRss(timeReport) : sampledRss.get();
            return new Result(process.exitValue(), seconds, rss, List.copyOf(output));
        } finally {
            if (timeReport != null) {
                Files.deleteIfExists(timeReport);
            }
        }
    }

    private static Thread echo(Process process, List<String> output) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    System.out.println("    | " + line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "child-output");
        reader.start();
        return reader;
    }

    private static Thread sampleRss(Process process, AtomicLong peak) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        Thread sampler = new Thread(() -> {
            while (process.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                            peak.accumulateAndGet(kib * 1024, Math::max);
                        }
                    }
                    Thread.sleep(50);
                } catch (IOException | InterruptedException | NumberFormatException e) {
                    return; // the process has gone, or /proc is not there: keep what was seen
                }
            }
        }, "child-rss");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private static long gnuTimeRss(Path report) throws IOException {
        for (String line : Files.readAllLines(report)) {
            String trimmed = line.trim();
            if (trimmed.startsWith(RSS_LINE)) {
                return Long.parseLong(trimmed.substring(RSS_LINE.length()).trim()) * 1024;
            }
        }
        return -1;
    }

    /**
     * How a child process ended.
     *
     * @param seconds     wall-clock time from start to exit, JVM start-up included for a JVM child
     * @param maxRssBytes peak resident set size, or -1 if it could not be measured
     */
    public record Result(int exitCode, double seconds, long maxRssBytes, List<String> output) {
        /** The values of every {@code RESULT} line, later lines overriding earlier ones. */
        public Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : output) {
                if (line.startsWith(RESULT_PREFIX)) {
                    for (String pair : line.substring(RESULT_PREFIX.length()).trim().split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            values.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                }
            }
            return values;
        }

        /** One {@code RESULT} value; fails naming the output if the child did not print it. */
        public String value(String key) {
            String value = values().get(key);
            if (value == null) {
                throw new IllegalStateException("the child printed no " + key + " (exit code " + exitCode
                        + "); its output:\n" + String.join("\n", output));
            }
            return value;
        }

        /** The output, for assertion messages. */
        public String transcript() {
            return "exit code " + exitCode + ", output:\n" + String.join("\n", output);
        }
    }
}
