package org.evidencegateway.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What {@link GatewayBenchmark} measures, from system properties (defaults in brackets; in smoke mode, the second
 * value): {@code bench.gateway.smoke} [false] — tiny sizes and a few seconds, to check that the harness runs;
 * {@code bench.gateway.large-sizes} [100MiB,1GiB,4GiB | 1MiB]; {@code bench.gateway.small-sizes}
 * [1KiB,16KiB,256KiB | 1KiB] (either may be {@code none}); {@code bench.gateway.duration} of each small-package run [PT60S | PT2S];
 * {@code bench.gateway.senders}, concurrent keep-alive connections at the maximum rate [8];
 * {@code bench.gateway.max-packages}, packages built in advance for one maximum-rate run [20000 | 2000] — the run
 * ends early (and says so) if they run out; {@code bench.gateway.encrypt-to}, the gateway key small packages are
 * encrypted to [rsa] ({@code rsa}: RSA-3072 key transport, {@code ec}: ECDH P-384);
 * {@code bench.gateway.large-client} that uploads the large packages [curl] ({@code curl}, streaming the file with
 * OpenSSL's TLS, if on the PATH, or {@code java}, the JDK's HttpClient); {@code bench.gateway.heap} of the
 * gateway's JVM [256m]; {@code bench.gateway.jfr} [false] — a flight recording of the gateway, {@code <bench.dir>/gateway.jfr};
 * {@code bench.gateway.db}, the gateway's database [h2] ({@code h2}: the embedded default, a file under the gateway's
 * folder; {@code postgresql}: an embedded PostgreSQL server started by the benchmark, the production choice);
 * {@code bench.context-bytes} for the JDK crypto figures [1GiB | 16MiB]; {@code bench.dir} [target/bench-gateway],
 * on the disk under test; {@code bench.openssl} [openssl].
 */
public record GatewayBenchSettings(boolean smoke, List<Long> largeSizes, List<Long> smallSizes, Duration duration,
                                   int senders, int maxPackages, String encryptTo, String largeClient, String heap,
                                   boolean jfr, String db, long contextBytes, Path dir, String openssl) {
    /** Chunk of the fsync'ed disk baseline, as the issue asks. */
    static final int DISK_CHUNK = 8 * (int) Sizes.MIB;

    public static GatewayBenchSettings fromSystemProperties() {
        return of(Boolean.getBoolean("bench.gateway.smoke"), System::getProperty);
    }

    /** The smoke mode's settings whatever the system properties say, in {@code folder}. */
    public static GatewayBenchSettings smoke(Path folder) {
        return of(true, key -> null).in(folder);
    }

    private static GatewayBenchSettings of(boolean smoke, UnaryOperator<String> properties) {
        Setting setting = (key, normal, smokeValue) -> {
            String value = properties.apply(key);
            return value == null || value.isBlank() ? (smoke ? smokeValue : normal) : value;
        };
        return new GatewayBenchSettings(smoke,
                sizes(setting.get("bench.gateway.large-sizes", "100MiB,1GiB,4GiB", "1MiB")),
                sizes(setting.get("bench.gateway.small-sizes", "1KiB,16KiB,256KiB", "1KiB")),
                Duration.parse(setting.get("bench.gateway.duration", "PT60S", "PT2S")),
                Integer.parseInt(setting.get("bench.gateway.senders", "8", "4")),
                Integer.parseInt(setting.get("bench.gateway.max-packages", "20000", "2000")),
                setting.get("bench.gateway.encrypt-to", "rsa", "rsa"),
                setting.get("bench.gateway.large-client", "curl", "curl"),
                setting.get("bench.gateway.heap", "256m", "256m"),
                Boolean.parseBoolean(setting.get("bench.gateway.jfr", "false", "false")),
                setting.get("bench.gateway.db", "h2", "h2"),
                Sizes.parse(setting.get("bench.context-bytes", "1GiB", "16MiB")),
                Path.of(setting.get("bench.dir", "target/bench-gateway", "target/bench-gateway-smoke"))
                        .toAbsolutePath(),
                setting.get("bench.openssl", "openssl", "openssl"));
    }

    /** Same settings in another folder (the smoke test runs in its own temporary folder). */
    public GatewayBenchSettings in(Path folder) {
        return new GatewayBenchSettings(smoke, largeSizes, smallSizes, duration, senders, maxPackages, encryptTo,
                largeClient, heap, jfr, db, contextBytes, folder, openssl);
    }

    /** The gateway heap limit in bytes. */
    long heapBytes() {
        String h = heap.toLowerCase(java.util.Locale.ROOT);
        long unit = h.endsWith("g") ? Sizes.GIB : h.endsWith("m") ? Sizes.MIB : h.endsWith("k") ? Sizes.KIB : 1;
        return Long.parseLong(unit == 1 ? h : h.substring(0, h.length() - 1)) * unit;
    }

    private static List<Long> sizes(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("none"))
                .map(Sizes::parse).toList();
    }

    /** A property's value, or its default in normal or smoke mode when unset or blank. */
    private interface Setting {
        String get(String key, String normal, String smoke);
    }
}
