package org.evidencegateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole gateway under load, beside the machine's limits, in one run ({@code mvn -Pbench-gateway verify};
 * docs/performance.md): baselines (JDK SHA-256 and AES-256-GCM, fsync'ed disk writes on the gateway's disk,
 * {@code openssl cms} decrypt + verify of the very same package files), then large packages ({@link LargeIngest})
 * and small ones ({@link SmallIngest}) through a real gateway in a child JVM over mutual TLS to a real case system.
 * Prints Markdown tables with the ratios to the baselines and the targets beside each figure, and writes
 * them with the machine's description to {@code <bench.dir>/results.md}. Settings: {@link GatewayBenchSettings}.
 */
public final class GatewayBenchmark {
    /** The targets. */
    static final double DISK_TARGET = 0.7;
    static final double OPENSSL_TARGET = 1.2;
    static final double RATE_TARGET = 1000;
    static final double P99_TARGET_MS = 50;

    private final GatewayBenchSettings settings;

    public GatewayBenchmark(GatewayBenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Report report = new GatewayBenchmark(GatewayBenchSettings.fromSystemProperties()).run();
        System.out.println(report.markdown());
    }

    /** Runs every measurement and writes {@code results.md}; the figures come back for the smoke test. */
    public Report run() throws Exception {
        Files.createDirectories(settings.dir());
        Instant began = Instant.now();
        String machine = Machine.describe(settings.dir(), settings.openssl());
        System.out.println(machine);
        Crypto crypto = crypto();
        PublicKeyFloor.Result publicKeys = PublicKeyFloor.measure(settings.encryptTo(),
                settings.smoke() ? Duration.ofMillis(100) : Duration.ofSeconds(2));
        System.out.println("== public-key operations of one small package: " + publicKeys.describe());
        List<LargeIngest.Result> large = new ArrayList<>();
        List<SmallIngest.Result> small = new ArrayList<>();
        List<Double> fsyncedFiles = new ArrayList<>();
        Path run = settings.dir().resolve("run");
        Disk.deleteTree(run);
        try (BenchGateway gateway = BenchGateway.start(run, settings.heap(), jvmOptions(), settings.db())) {
            LargeIngest largeIngest = new LargeIngest(gateway, settings);
            for (long size : settings.largeSizes()) {
                large.add(largeIngest.measure(size));
            }
            SmallIngest smallIngest = new SmallIngest(gateway, settings);
            for (long size : settings.smallSizes()) {
                fsyncedFiles.add(Disk.fsyncedFilesPerSecond(gateway.dataDir().resolve("fsync-baseline"),
                        Math.toIntExact(size), settings.smoke() ? 0.5 : 3, 20));
                small.addAll(smallIngest.measure(Math.toIntExact(size)));
            }
        }
        Report report = new Report(settings, machine, began, Instant.now(), Machine.loadAverage(), crypto,
                publicKeys, large, fsyncedFiles, small);
        Files.writeString(settings.dir().resolve("results.md"), report.markdown());
        System.out.println("written to " + settings.dir().resolve("results.md"));
        Disk.deleteTree(run);
        return report;
    }

    private List<String> jvmOptions() {
        // Deep stacks: the gateway's own frames sit below Camel, CXF and Undertow, past JFR's default 64 frames.
        return settings.jfr() ? List.of("-XX:FlightRecorderOptions:stackdepth=512",
                "-XX:StartFlightRecording=filename=" + settings.dir().resolve("gateway.jfr")
                + ",settings=profile,dumponexit=true") : List.of();
    }

    /** JDK SHA-256 and AES-256-GCM in memory, each in a child JVM ({@link PackageCase}). */
    private Crypto crypto() throws Exception {
        return new Crypto(primitive("sha-256"), primitive("aes-256-gcm"));
    }

    private double primitive(String op) throws Exception {
        ChildProcess.Result result = ChildProcess.run(ChildProcess.jvm(settings.heap(), PackageCase.class,
                List.of(op, Sizes.format(settings.contextBytes()))), Duration.ofMinutes(10));
        return Sizes.mibPerSecond(Long.parseLong(result.value(op + ".bytes")),
                Double.parseDouble(result.value(op + ".seconds")));
    }

    /** JDK primitives' throughput, MiB/s. */
    record Crypto(double sha256, double aesGcm) {
    }

    /** Everything one run measured, and its Markdown. */
    public record Report(GatewayBenchSettings settings, String machine, Instant began, Instant ended,
                         String loadAtEnd, Crypto crypto, PublicKeyFloor.Result publicKeys,
                         List<LargeIngest.Result> large, List<Double> fsyncedFiles,
                         List<SmallIngest.Result> small) {
        public String markdown() {
            return machine + "\n- finished: " + ended + " (began " + began + "), load average at the end: "
                    + loadAtEnd + "\n- gateway JVM: -Xmx" + settings.heap() + ", database " + settings.db()
                    + ", small packages encrypted to the"
                    + " gateway's " + settings.encryptTo().toUpperCase(Locale.ROOT) + " key, " + settings.senders()
                    + " senders at the maximum rate, " + settings.duration().toSeconds() + " s per run"
                    + (settings.smoke() ? " — SMOKE MODE: tiny sizes, figures meaningless" : "") + "\n\n"
                    + ReportTables.baselines(this) + (large.isEmpty() ? "" : "\n" + ReportTables.large(this))
                    + (small.isEmpty() ? "" : "\n" + ReportTables.small(this));
        }
    }
}
