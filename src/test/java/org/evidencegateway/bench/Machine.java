package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The machine a benchmark ran on, in the words docs/performance.md records it with. */
final class Machine {
    private Machine() {
    }

    static String describe(Path dir, String openssl) throws IOException, InterruptedException {
        FileStore store = Files.getFileStore(dir);
        return "- CPU: " + Runtime.getRuntime().availableProcessors() + " × " + procLine("/proc/cpuinfo", "model name")
                + "\n- RAM: " + procLine("/proc/meminfo", "MemTotal")
                + "\n- disk: " + store.name() + " (" + store.type() + "), " + Sizes.mib(store.getUsableSpace())
                + " free, rotational flag " + rotational(store.name())
                + "\n- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "\n- OpenSSL: " + firstLine(List.of(openssl, "version"))
                + "\n- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + "\n- load average at start: " + loadAverage();
    }

    /** {@code /proc/loadavg}: on a shared machine, the first thing to read beside any figure. */
    static String loadAverage() throws IOException {
        return read("/proc/loadavg");
    }

    private static String procLine(String file, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String rotational(String device) throws IOException {
        Path flag = Path.of("/sys/block", Path.of(device).getFileName().toString(), "queue/rotational");
        return Files.exists(flag) ? Files.readString(flag).trim() : "unknown";
    }

    private static String read(String file) throws IOException {
        Path path = Path.of(file);
        return Files.exists(path) ? Files.readString(path).trim() : "unknown";
    }

    private static String firstLine(List<String> command) throws IOException, InterruptedException {
        ChildProcess.Result result = ChildProcess.run(command, Duration.ofSeconds(30));
        return result.output().isEmpty() ? "unknown" : result.output().get(0);
    }
}
