package org.evidencegateway.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program found on the {@code PATH} (openssl, bash) with a timeout, capturing stdout and stderr; a missing
 * program fails the test with a message saying what to install, never skips it.
 */
public final class ExternalTool {
    /** Long enough for a few OpenSSL runs on a busy 2-core machine, short enough to stop a hung process. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ExternalTool() {
    }

    /** One finished run: exit code and what it printed (decoded as UTF-8). */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** Fails the test unless the exit code is 0, quoting the command and its stderr. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                fail("%s exited with %d%nstderr:%n%s%nstdout:%n%s", command, exitCode, stderr, stdout);
            }
            return this;
        }

        /** stdout followed by stderr, for assertions that do not care which stream said it. */
        public String output() {
            return stdout + stderr;
        }
    }

    /** Runs {@code openssl args...}. */
    public static Result openssl(String... args) {
        return run(Map.of(), prepend("openssl", args));
    }

    /** Runs {@code bash script args...} with {@code env} added to this JVM's environment. */
    public static Result bash(Map<String, String> env, Path script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(Arrays.asList(args));
        return run(env, command);
    }

    /** Runs {@code command}; its first element is looked up on the {@code PATH}. */
    public static Result run(Map<String, String> env, List<String> command) {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, onPath(command.get(0)).toString());
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("tool-", ".out");
            err = Files.createTempFile("tool-", ".err");
            ProcessBuilder builder = new ProcessBuilder(resolved)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                fail("%s did not finish within %s%nstderr so far:%n%s", command, TIMEOUT, read(err));
            }
            return new Result(command, process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** The executable {@code name} on the {@code PATH}; fails the test if there is none. */
    public static Path onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("this test needs '%s' on the PATH (%s) to prove interoperability with stock tools;"
                + " install it (OpenSSL 3: apt-get install openssl) rather than skipping the test", name, path);
    }

    private static List<String> prepend(String first, String... rest) {
        List<String> command = new ArrayList<>(List.of(first));
        command.addAll(Arrays.asList(rest));
        return command;
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temporary file is not worth failing a test for.
            }
        }
    }
}
