package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures packing and opening large packages against OpenSSL on the same files, in the same run, and prints a
 * Markdown table (also written to {@code <bench.dir>/results.md}) for docs/performance.md.
 *
 * <p>Every measurement of our code runs in its own child JVM with {@code -Xmx<bench.heap>}, so its peak heap is its
 * own; every child process (JVM or {@code openssl}) has its peak RSS taken. System properties, defaults in brackets:
 * {@code bench.sizes} [1MiB,100MiB,1GiB], {@code bench.dir} [target/bench], {@code bench.certs} [certs],
 * {@code bench.heap} [256m], {@code bench.context-bytes} [1GiB], {@code bench.openssl} [openssl].
 */
public final class PackBenchmark {
    private final List<Long> sizes;
    private final Path dir;
    private final Path certs;
    private final String heap;
    private final long contextBytes;
    private final String openssl;
    private final List<Row> rows = new ArrayList<>();

    private PackBenchmark() {
        sizes = Arrays.stream(System.getProperty("bench.sizes", "1MiB,100MiB,1GiB").split(","))
                .map(Sizes::parse).toList();
        dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        certs = Path.of(System.getProperty("bench.certs", "certs")).toAbsolutePath();
        heap = System.getProperty("bench.heap", "256m");
        contextBytes = Sizes.parse(System.getProperty("bench.context-bytes", "1GiB"));
        openssl = System.getProperty("bench.openssl", "openssl");
    }

    public static void main(String[] args) throws Exception {
        new PackBenchmark().run();
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        String machine = Machine.describe(dir, openssl);
        System.out.println(machine);
        for (long size : sizes) {
            measure(size);
        }
        context();
        String table = Row.table(rows);
        String command = "sizes=" + sizes.stream().map(Sizes::format).toList() + ", child heap -Xmx" + heap
                + ", finished " + Instant.now() + ", load average at the end: " + Machine.loadAverage();
        System.out.println(table);
        Files.writeString(dir.resolve("results.md"), machine + "\n" + command + "\n\n" + table);
        System.out.println("written to " + dir.resolve("results.md"));
    }

    private void measure(long size) throws Exception {
        String name = Sizes.format(size);
        Path work = dir.resolve(name);
        Disk.deleteTree(work);
        Files.createDirectories(work);
        requireSpace(work, size);
        System.out.println("== " + name + ": generating the evidence file");
        SyntheticPayload.Written evidence = SyntheticPayload.standard()
                .write(work.resolve("evidence-" + name + ".bin"), size);
        Path pkg = work.resolve("package.p7m");
        String keys = "--keys=" + certs;

        Row pack = jvm("evgw pack", size, "sign+encrypt", "pack", keys, "pack", evidence.file().toString(), pkg.toString());
        jvm("evgw open, verify only", size, "decrypt+verify", "verify", keys, "verify", pkg.toString());
        Row extract = jvm("evgw open, extract", size, "decrypt+verify", "extract", keys, "extract", pkg.toString(),
                work.resolve("opened").toString());
        if (!evidence.sha256().equals(extract.values().get("extract.sha256"))) {
            throw new IllegalStateException("the extracted file differs from the evidence file: " + extract.values());
        }
        Disk.deleteTree(work.resolve("opened"));

        Path signed = work.resolve("signed.der");
        Path content = work.resolve("content.zip");
        // OpenSSL reads a whole CMS structure into memory and cannot open packages past ~2 GiB: its failure is a result.
        boolean decrypted = tool("openssl cms -decrypt", size, "decrypt", OpenSslCms.decrypt(openssl, pkg,
                certs.resolve(PackageKeys.RECIPIENT_ID), signed));
        boolean verified = decrypted && tool("openssl cms -verify", size, "verify", OpenSslCms.verify(openssl,
                signed, OpenSslCms.rootWithCrl(certs, "kz", work), null, content));
        if (verified) {
            Path resigned = work.resolve("resigned.der");
            tool("openssl cms -sign", size, "sign", List.of(openssl, "cms", "-sign", "-binary", "-nodetach",
                    "-md", "sha256", "-in", content.toString(), "-signer", pem(PackageKeys.SIGNER_ID, "crt"),
                    "-inkey", pem(PackageKeys.SIGNER_ID, "key"), "-outform", "DER", "-out", resigned.toString()));
            Path reencrypted = work.resolve("reencrypted.p7m");
            tool("openssl cms -encrypt", size, "encrypt", List.of(openssl, "cms", "-encrypt", "-binary",
                    "-aes-256-gcm", "-in", signed.toString(), "-outform", "DER", "-out", reencrypted.toString(),
                    "-recip", pem(PackageKeys.RECIPIENT_ID, "crt"),
                    "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256"));
        }
        Files.delete(pkg);
        diskWrite(work.resolve("fsync-test.bin"), size);
        Disk.deleteTree(work);
        System.out.println("== " + name + ": pack " + pack.mibPerSecond() + " MiB/s, extract "
                + extract.mibPerSecond() + " MiB/s");
    }

    /** JDK SHA-256 and AES-256-GCM in memory, beside {@code openssl speed} for the same primitives. */
    private void context() throws Exception {
        System.out.println("== context: JDK primitives over " + Sizes.format(contextBytes) + " in memory");
        jvm("JDK SHA-256, in memory", contextBytes, "speed sha256", "sha-256", "sha-256", Sizes.format(contextBytes));
        jvm("JDK AES-256-GCM encrypt, in memory", contextBytes, "speed aes-256-gcm", "aes-256-gcm", "aes-256-gcm",
                Sizes.format(contextBytes));
        speed("openssl speed sha256", "speed sha256", "sha256");
        speed("openssl speed aes-256-gcm", "speed aes-256-gcm", "aes-256-gcm");
    }

    private Row jvm(String operation, long size, String comparedTo, String op, String... args) throws Exception {
        ChildProcess.Result result = ChildProcess.run(ChildProcess.jvm(heap, PackageCase.class, List.of(args)),
                Duration.ofHours(2));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(operation + " failed: " + result.transcript());
        }
        Map<String, String> values = result.values();
        Row row = new Row(operation, size, Double.parseDouble(values.get(op + ".seconds")), comparedTo, null,
                Long.parseLong(values.get(op + ".peak-heap")), Long.parseLong(values.get(op + ".peak-heap-after-gc")),
                result.maxRssBytes(), values);
        rows.add(row);
        return row;
    }

    /** Runs an external tool's step; a failure is recorded as a row of its own (and returned as false). */
    private boolean tool(String operation, long size, String work, List<String> command) throws Exception {
        ChildProcess.Result result = ChildProcess.run(command, Duration.ofHours(2));
        if (result.exitCode() != 0) {
            String reason = result.transcript().lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
            System.out.println("== " + operation + " FAILED at " + Sizes.format(size) + ": " + reason);
            rows.add(new Row(operation + " — failed: " + reason.trim(), size, Double.NaN, null, null, -1, -1,
                    result.maxRssBytes(), Map.of()));
            return false;
        }
        rows.add(new Row(operation, size, result.seconds(), null, work, -1, -1, result.maxRssBytes(), Map.of()));
        return true;
    }

    /** {@code openssl speed -mr} for one primitive over 1 MiB buffers; its figure is per CPU-second. */
    private void speed(String operation, String work, String algorithm) throws Exception {
        ChildProcess.Result result = ChildProcess.run(List.of(openssl, "speed", "-mr", "-seconds", "3",
                "-bytes", Long.toString(SyntheticPayload.BLOCK_BYTES), "-evp", algorithm), Duration.ofMinutes(2));
        double bytesPerSecond = result.output().stream().filter(line -> line.startsWith("+F:"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(':') + 1)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no +F line: " + result.transcript()));
        rows.add(new Row(operation, contextBytes, contextBytes / bytesPerSecond, null, work, -1, -1,
                result.maxRssBytes(), Map.of()));
    }

    /** Sequential write of {@code size} bytes with one fsync at the end, as {@code dd conv=fsync} does. */
    private void diskWrite(Path file, long size) throws IOException {
        double seconds = Disk.fsyncedWriteSeconds(file, size, SyntheticPayload.BLOCK_BYTES);
        rows.add(new Row("disk write + fsync", size, seconds, null, null, -1, -1, -1, Map.of()));
    }

    /** Evidence, package, OpenSSL's decrypted and verified copies and one re-encrypted copy coexist: 5 × size. */
    private static void requireSpace(Path work, long size) throws IOException {
        FileStore store = Files.getFileStore(work);
        long needed = 5 * size + Sizes.GIB;
        if (store.getUsableSpace() < needed) {
            throw new IllegalStateException("not enough disk in " + work + " for " + Sizes.format(size) + ": "
                    + Sizes.mib(store.getUsableSpace()) + " usable, " + Sizes.mib(needed) + " needed; set bench.dir");
        }
    }

    private String pem(String id, String kind) {
        return certs.resolve(id + "." + kind + ".pem").toString();
    }

    /**
     * One line of the table.
     *
     * @param comparedTo for our operations: the OpenSSL work ({@code +}-joined) it is compared with
     * @param work       for OpenSSL operations: the work it stands for
     */
    record Row(String operation, long size, double seconds, String comparedTo, String work, long peakHeap,
               long peakHeapAfterGc, long rss, Map<String, String> values) {
        String mibPerSecond() {
            double rate = Sizes.mibPerSecond(size, seconds);
            return String.format(Locale.ROOT, rate < 10 ? "%.1f" : "%.0f", rate);
        }

        static String table(List<Row> rows) {
            StringBuilder out = new StringBuilder(
                    "| operation | size | seconds | MiB/s | peak heap (live after GC) | peak RSS | vs OpenSSL |\n"
                            + "|---|---:|---:|---:|---:|---:|---|\n");
            for (Row row : rows) {
                boolean failed = Double.isNaN(row.seconds);
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", row.operation,
                        Sizes.format(row.size), failed ? "—" : String.format(Locale.ROOT, "%.2f", row.seconds),
                        failed ? "—" : row.mibPerSecond(), row.heap(),
                        row.rss < 0 ? "—" : Sizes.mib(row.rss), row.ratio(rows)));
            }
            return out.toString();
        }

        private String heap() {
            if (peakHeap < 0) {
                return "—";
            }
            return Sizes.mib(peakHeap) + (peakHeapAfterGc < 0 ? " (no GC)" : " (" + Sizes.mib(peakHeapAfterGc) + ")");
        }

        /** Our throughput over OpenSSL's for the same work: the OpenSSL steps' times added up. */
        private String ratio(List<Row> rows) {
            if (comparedTo == null) {
                return "";
            }
            double theirs = 0;
            for (String step : comparedTo.split("\\+")) {
                String work = step.trim();
                Row match = rows.stream().filter(r -> work.equals(r.work) && r.size == size).findFirst().orElse(null);
                if (match == null) {
                    return "";
                }
                theirs += match.seconds;
            }
            return String.format(Locale.ROOT, "%.2f× (%s)", theirs / seconds, comparedTo);
        }
    }
}
