package org.evidencegateway.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link GatewayBenchmark} measures, from system properties (defaults in brackets; in smoke mode, the second
 * value): {@code bench.gateway.smoke} [false] — tiny sizes and a few seconds, to check that the harness runs;
 * {@code bench.gateway.large-sizes} [100MiB,1GiB,4GiB | 1MiB]; {@code bench.gateway.small-sizes}
 * [1KiB,16KiB,256KiB | 1KiB]; {@code bench.gateway.duration} of each small-package run [PT60S | PT2S];
 * {@code bench.gateway.senders}, concurrent keep-alive connections at the maximum rate [8];
 * {@code bench.gateway.max-packages}, packages built in advance for one maximum-rate run [120000 | 2000] — the run
 * ends early (and says so) if they run out; {@code bench.gateway.encrypt-to}, the gateway key small packages are
 * encrypted to [rsa] ({@code rsa}: RSA-3072 key transport, {@code ec}: ECDH P-384); {@code bench.gateway.heap} of the
 * gateway's JVM [256m]; {@code bench.gateway.jfr} [false] — a flight recording of the gateway per phase;
 * {@code bench.context-bytes} for the JDK crypto figures [1GiB | 16MiB]; {@code bench.dir} [target/bench-gateway],
 * on the disk under test; {@code bench.openssl} [openssl].
 */
public record GatewayBenchSettings(boolean smoke, List<Long> largeSizes, List<Long> smallSizes, Duration duration,
                                   int senders, int maxPackages, String encryptTo, String heap, boolean jfr,
                                   long contextBytes, Path dir, String openssl) {
    /** Chunk of the fsync'ed disk baseline, as the issue asks. */
    static final int DISK_CHUNK = 8 * (int) Sizes.MIB;

    public static GatewayBenchSettings fromSystemProperties() {
        boolean smoke = Boolean.getBoolean("bench.gateway.smoke");
        return new GatewayBenchSettings(smoke,
                sizes(property("bench.gateway.large-sizes", smoke, "100MiB,1GiB,4GiB", "1MiB")),
                sizes(property("bench.gateway.small-sizes", smoke, "1KiB,16KiB,256KiB", "1KiB")),
                Duration.parse(property("bench.gateway.duration", smoke, "PT60S", "PT2S")),
                Integer.parseInt(property("bench.gateway.senders", smoke, "8", "4")),
                Integer.parseInt(property("bench.gateway.max-packages", smoke, "120000", "2000")),
                property("bench.gateway.encrypt-to", smoke, "rsa", "rsa"),
                property("bench.gateway.heap", smoke, "256m", "256m"),
                Boolean.getBoolean("bench.gateway.jfr"),
                Sizes.parse(property("bench.context-bytes", smoke, "1GiB", "16MiB")),
                Path.of(property("bench.dir", smoke, "target/bench-gateway", "target/bench-gateway-smoke"))
                        .toAbsolutePath(),
                System.getProperty("bench.openssl", "openssl"));
    }

    /** Same settings in another folder (the smoke test runs in its own temporary folder). */
    public GatewayBenchSettings in(Path folder) {
        return new GatewayBenchSettings(smoke, largeSizes, smallSizes, duration, senders, maxPackages, encryptTo, heap,
                jfr, contextBytes, folder, openssl);
    }

    /** The gateway heap limit in bytes. */
    long heapBytes() {
        String h = heap.toLowerCase(java.util.Locale.ROOT);
        long unit = h.endsWith("g") ? Sizes.GIB : h.endsWith("m") ? Sizes.MIB : h.endsWith("k") ? Sizes.KIB : 1;
        return Long.parseLong(unit == 1 ? h : h.substring(0, h.length() - 1)) * unit;
    }

    private static String property(String key, boolean smoke, String normal, String smokeValue) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? (smoke ? smokeValue : normal) : value;
    }

    private static List<Long> sizes(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Sizes::parse).toList();
    }
}
