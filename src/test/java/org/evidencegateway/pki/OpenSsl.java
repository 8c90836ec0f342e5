package org.evidencegateway.pki;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system {@code openssl}; a missing binary fails the test instead of skipping it. */
public final class OpenSsl {
    private static final Path BINARY = Path.of("/usr/bin/openssl");

    private OpenSsl() {
    }

    /** The exit code and the merged stdout/stderr of one run. */
    public record Result(int exitCode, String output) {
    }

    public static Result run(String... args) {
        if (!Files.isExecutable(BINARY)) {
            fail("this test needs OpenSSL 3 at " + BINARY + " to prove interoperability; install it"
                    + " (apt-get install openssl) rather than skipping the test");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("openssl did not finish: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
