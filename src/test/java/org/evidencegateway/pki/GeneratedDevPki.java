package org.evidencegateway.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A development PKI generated once per test JVM into a temporary directory (never {@code certs/}), for tests of the
 * generator and of the file-based key sources; deleted when the JVM exits.
 */
public final class GeneratedDevPki {
    private static Path dir;
    private static Instant generatedAt;

    private GeneratedDevPki() {
    }

    /** The directory holding the generated set. */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path tmp = Files.createTempDirectory("evgw-devpki");
                generatedAt = Instant.now();
                DevPki.generate(tmp, generatedAt);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tmp)));
                dir = tmp;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** The {@code now} the set was generated with. */
    public static synchronized Instant generatedAt() {
        dir();
        return generatedAt;
    }

    /** A file of the set, e.g. {@code file("ua-pgo.crt.pem")}. */
    public static Path file(String name) {
        return dir().resolve(name);
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
