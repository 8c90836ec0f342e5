package org.evidencegateway.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.evidencegateway.bench.ChildProcess;
import org.evidencegateway.bench.PackageCase;
import org.evidencegateway.bench.PackageKeys;
import org.evidencegateway.bench.Sizes;
import org.evidencegateway.bench.SyntheticPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that packing and opening stream: a package of a gigabyte of evidence is written and then opened and
 * extracted in a child JVM whose heap is an eighth of the payload, and the extracted file is bit for bit the source.
 *
 * <p>System property {@value #PAYLOAD_PROPERTY} (e.g. {@code 4GiB}) asks for a larger payload; the payload shrinks to
 * what the disk holds, but never below {@value #MIN_HEAP_MULTIPLE} times the child heap, where the proof would weaken.
 */
class LargePackageIT {
    static final String PAYLOAD_PROPERTY = "evgw.large-package.payload";
    static final long CHILD_HEAP = 128 * Sizes.MIB;
    static final int MIN_HEAP_MULTIPLE = 8;
    /** Source, package and extracted copy are on disk at the same time. */
    static final int DISK_COPIES = 3;

    @Test
    void open_extractsGigabytePackageBitForBit_underSmallHeap(@TempDir Path tmp) throws Exception {
        // Given a generated evidence file as large as the disk allows
        long requested = Sizes.parse(System.getProperty(PAYLOAD_PROPERTY, "1GiB"));
        long usable = Files.getFileStore(tmp).getUsableSpace();
        long payload = payloadFor(requested, usable);
        if (payload != requested) {
            System.out.println("LargePackageIT: " + Sizes.mib(usable) + " usable on disk; payload shrunk from "
                    + Sizes.format(requested) + " to " + Sizes.format(payload));
        }
        SyntheticPayload.Written source = SyntheticPayload.standard().write(tmp.resolve("large-evidence.bin"), payload);

        // When a JVM with a 128 MiB heap packs it and opens the package into a folder. Deflate level 0 keeps the
        // test inside its CI budget (zlib level 1 runs at ~25 MiB/s on incompressible data here, see
        // docs/performance.md); what is held in memory does not depend on the level: deflate's window is fixed.
        ChildProcess.Result child = ChildProcess.run(ChildProcess.jvm(CHILD_HEAP / Sizes.MIB + "m", PackageCase.class,
                List.of("--keys=" + PackageKeys.GENERATED, "--deflate-level=0", "round-trip", source.file().toString(),
                        tmp.resolve("large.p7m").toString(), tmp.resolve("opened").toString())), Duration.ofMinutes(10));

        // Then it succeeds within its heap and the extracted file is the source
        assertThat(child.exitCode()).as(child.transcript()).isZero();
        Map<String, String> result = child.values();
        assertThat(Long.parseLong(result.get("extract.file-bytes"))).isEqualTo(source.size());
        assertThat(result.get("extract.sha256")).as("SHA-256 of the extracted file").isEqualTo(source.sha256());
        assertThat(Long.parseLong(result.get("pack.max-heap"))).isLessThanOrEqualTo(CHILD_HEAP);
        report(source.size(), child, result);
    }

    @Test
    void payloadFor_shrinksToWhatFits_butNotBelowEightHeaps() {
        assertThat(payloadFor(Sizes.GIB, 80 * Sizes.GIB)).isEqualTo(Sizes.GIB);
        assertThat(payloadFor(4 * Sizes.GIB, 6 * Sizes.GIB)).isEqualTo(2 * Sizes.GIB);
        assertThatThrownBy(() -> payloadFor(Sizes.GIB, 3 * Sizes.GIB - 1))
                .hasMessageContaining("not enough disk").hasMessageContaining("3072.0 MiB");
        assertThatThrownBy(() -> payloadFor(100 * Sizes.MIB, 80 * Sizes.GIB)).hasMessageContaining("proves nothing");
    }

    /**
     * The payload to use: the one asked for if {@value #DISK_COPIES} copies fit in {@code usable} bytes, else the
     * largest whole number of MiB that fits, but never below {@value #MIN_HEAP_MULTIPLE} × the child heap.
     */
    static long payloadFor(long requested, long usable) {
        long minimum = MIN_HEAP_MULTIPLE * CHILD_HEAP;
        if (requested < minimum) {
            throw new IllegalArgumentException(PAYLOAD_PROPERTY + " is " + Sizes.format(requested) + ": below "
                    + Sizes.format(minimum) + " (" + MIN_HEAP_MULTIPLE + " × the child heap) it proves nothing");
        }
        long fits = usable / DISK_COPIES / Sizes.MIB * Sizes.MIB;
        if (requested <= fits) {
            return requested;
        }
        if (fits < minimum) {
            throw new IllegalStateException("not enough disk for the streaming test: " + Sizes.mib(usable)
                    + " usable in java.io.tmpdir, it needs " + DISK_COPIES + " × " + Sizes.format(minimum) + " = "
                    + Sizes.mib(DISK_COPIES * minimum) + " (payload ≥ " + MIN_HEAP_MULTIPLE + " × the "
                    + Sizes.format(CHILD_HEAP) + " child heap)");
        }
        return fits;
    }

    private static void report(long payload, ChildProcess.Result child, Map<String, String> result) {
        for (String op : List.of("pack", "extract")) {
            double seconds = Double.parseDouble(result.get(op + ".seconds"));
            System.out.printf(Locale.ROOT, "LargePackageIT: %-7s %s in %.1f s = %.0f MiB/s, peak heap %s "
                            + "(after GC %s) of -Xmx%dm%n", op, Sizes.format(payload), seconds,
                    Sizes.mibPerSecond(payload, seconds), Sizes.mib(Long.parseLong(result.get(op + ".peak-heap"))),
                    Sizes.mib(Long.parseLong(result.get(op + ".peak-heap-after-gc"))), CHILD_HEAP / Sizes.MIB);
        }
        System.out.printf(Locale.ROOT, "LargePackageIT: child JVM %.1f s in all, peak RSS %s%n", child.seconds(),
                child.maxRssBytes() < 0 ? "unknown" : Sizes.mib(child.maxRssBytes()));
    }
}
