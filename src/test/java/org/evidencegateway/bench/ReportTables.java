package org.evidencegateway.bench;

import static org.evidencegateway.bench.GatewayBenchmark.DISK_TARGET;
import static org.evidencegateway.bench.GatewayBenchmark.OPENSSL_TARGET;
import static org.evidencegateway.bench.GatewayBenchmark.P99_TARGET_MS;
import static org.evidencegateway.bench.GatewayBenchmark.RATE_TARGET;

import java.util.Locale;

/** The three tables of a {@link GatewayBenchmark.Report}: baselines, large packages, small packages. */
final class ReportTables {
    private ReportTables() {
    }

    static String baselines(GatewayBenchmark.Report report) {
        MarkdownTable table = new MarkdownTable("baseline (same run)", ">size", ">figure", "peak RSS");
        String context = Sizes.format(report.settings().contextBytes());
        table.add("JDK SHA-256, 64 KiB updates in memory", context, mibs(report.crypto().sha256()), "");
        table.add("JDK AES-256-GCM encrypt, 64 KiB updates in memory", context, mibs(report.crypto().aesGcm()), "");
        PublicKeyFloor.Result keys = report.publicKeys();
        table.add("public-key operations of one small package, one thread, in memory: " + keys.describe(), "",
                String.format(Locale.ROOT, "%.0f packages/s", keys.ceilingPerSecond()), "");
        for (LargeIngest.Result r : report.large()) {
            if (r.skipped() != null) {
                continue;
            }
            String size = Sizes.mib(r.packageBytes());
            table.add("disk: sequential write in 8 MiB chunks + fsync (gateway's disk)", size,
                    mibs(r.diskMibPerSecond()), "");
            if (r.openssl().failure() != null) {
                table.add("`openssl cms -decrypt` + `-verify`, same package file", size,
                        "failed: " + r.openssl().failure(), Sizes.mib(r.openssl().peakRss()));
            } else {
                table.add("`openssl cms -decrypt` + `-verify`, same package file", size,
                        String.format(Locale.ROOT, "%.2f + %.2f = %.2f s (%s)", r.openssl().decryptSeconds(),
                                r.openssl().verifySeconds(), r.openssl().seconds(),
                                mibs(Sizes.mibPerSecond(r.packageBytes(), r.openssl().seconds()))),
                        Sizes.mib(r.openssl().peakRss()));
            }
        }
        for (int i = 0; i < report.fsyncedFiles().size(); i++) {
            table.add("disk: new file written + fsync, one after another", Sizes.format(report.settings()
                    .smallSizes().get(i)), String.format(Locale.ROOT, "%.0f files/s", report.fsyncedFiles().get(i)),
                    "");
        }
        return "### Baselines\n\n" + table;
    }

    static String large(GatewayBenchmark.Report report) {
        MarkdownTable table = new MarkdownTable("payload", ">package", ">ingest: first byte → signed receipt",
                ">vs disk fsync (target ≥ " + DISK_TARGET + "×)",
                ">vs OpenSSL decrypt+verify time (target ≤ " + OPENSSL_TARGET + "×)",
                ">end to end: first byte → stored at case system", ">gateway peak heap (live after GC)",
                ">gateway peak RSS");
        for (LargeIngest.Result r : report.large()) {
            if (r.skipped() != null) {
                table.add(Sizes.format(r.payload()), "—", r.skipped(), "", "", "", "", "");
                continue;
            }
            double disk = r.ingestMibPerSecond() / r.diskMibPerSecond();
            String openssl = r.openssl().failure() != null ? "OpenSSL failed"
                    : ratio(r.ingestSeconds() / r.openssl().seconds(), r.ingestSeconds() / r.openssl().seconds()
                    <= OPENSSL_TARGET);
            table.add(Sizes.format(r.payload()), Sizes.mib(r.packageBytes()),
                    String.format(Locale.ROOT, "%.2f s, %s", r.ingestSeconds(), mibs(r.ingestMibPerSecond())),
                    ratio(disk, disk >= DISK_TARGET), openssl,
                    String.format(Locale.ROOT, "%.2f s, %s (%.2f× disk)", r.endToEndSeconds(),
                            mibs(r.endToEndMibPerSecond()), r.endToEndMibPerSecond() / r.diskMibPerSecond()),
                    r.memory().heapCell() + (r.memory().peakHeap() <= r.memory().maxHeap() ? "" : " OVER"),
                    r.memory().rssCell());
        }
        return "### Large packages (one at a time, gateway heap -Xmx" + report.settings().heap() + ")\n\n" + table;
    }

    static String small(GatewayBenchmark.Report report) {
        MarkdownTable table = new MarkdownTable("payload (package)", "load", ">accepted/s",
                ">vs " + (int) RATE_TARGET + "/s target", ">vs fsync'ed files/s", ">vs public-key ceiling",
                ">accept p50 / p99 / p99.9 ms", ">delivery p50 / p99 / p99.9 ms", ">refused",
                ">queue at end of sending", ">delivery caught up",
                ">CPU ms per package: gateway / senders + case system (machine busy)",
                ">gateway peak heap (live after GC)", ">gateway peak RSS");
        for (SmallIngest.Result r : report.small()) {
            int index = report.settings().smallSizes().indexOf((long) r.payload());
            double files = report.fsyncedFiles().get(index);
            boolean half = r.offeredRate() > 0;
            String accept = r.accept().summary();
            if (half) {
                accept += r.accept().percentileMillis(99) < P99_TARGET_MS ? " (p99 < 50 ✓)" : " (p99 ≥ 50 ✗)";
            }
            table.add(Sizes.format(r.payload()) + " (" + Sizes.format(r.packageBytes()) + ")",
                    r.mode() + (r.exhausted() ? ", packages ran out" : ""),
                    String.format(Locale.ROOT, "%.0f", r.acceptedPerSecond()),
                    ratio(r.acceptedPerSecond() / RATE_TARGET, r.acceptedPerSecond() >= RATE_TARGET),
                    String.format(Locale.ROOT, "%.2f×", r.acceptedPerSecond() / files),
                    String.format(Locale.ROOT, "%.2f×", r.acceptedPerSecond() / report.publicKeys().ceilingPerSecond()),
                    accept,
                    r.delivery().summary() + (r.delivery().count() < r.accepted()
                            ? " (" + (r.accepted() - r.delivery().count()) + " not delivered)" : ""),
                    Integer.toString(r.refused()), Long.toString(r.queueDepth()),
                    (r.drained() ? "" : "NOT within ") + String.format(Locale.ROOT, "%.1f s", r.drainSeconds()),
                    r.cost().cell(), r.memory().heapCell(), r.memory().rssCell());
        }
        return "### Small packages (gateway heap -Xmx" + report.settings().heap() + ", "
                + report.settings().duration().toSeconds() + " s measured per run after a warm-up)\n\n" + table;
    }

    private static String mibs(double mibPerSecond) {
        return String.format(Locale.ROOT, mibPerSecond < 10 ? "%.1f MiB/s" : "%.0f MiB/s", mibPerSecond);
    }

    private static String ratio(double value, boolean met) {
        return String.format(Locale.ROOT, "%.2f× %s", value, met ? "✓" : "✗");
    }
}
