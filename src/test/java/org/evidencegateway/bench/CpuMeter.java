package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * CPU time spent since a start by the gateway's process, by this process (the senders and the case system) and by
 * the whole machine (Linux {@code /proc/stat}), so that a rate can be set beside what it cost: on 2 cores, 1,000
 * packages a second leave 2 ms of CPU per package for everything the machine does.
 */
final class CpuMeter {
    private final long gatewayPid;
    private final Snapshot start;

    private CpuMeter(long gatewayPid) {
        this.gatewayPid = gatewayPid;
        this.start = snapshot();
    }

    static CpuMeter start(long gatewayPid) {
        return new CpuMeter(gatewayPid);
    }

    /** What was spent since the start. */
    Use stop() {
        Snapshot end = snapshot();
        long ticks = end.machineTotalTicks - start.machineTotalTicks;
        return new Use((end.gatewayNanos - start.gatewayNanos) / 1e9, (end.benchNanos - start.benchNanos) / 1e9,
                ticks <= 0 ? Double.NaN : (end.machineBusyTicks - start.machineBusyTicks) / (double) ticks,
                (end.wallNanos - start.wallNanos) / 1e9);
    }

    private Snapshot snapshot() {
        long[] machine = machineTicks();
        return new Snapshot(cpuNanos(ProcessHandle.of(gatewayPid).orElse(null)), cpuNanos(ProcessHandle.current()),
                machine[0], machine[1], System.nanoTime());
    }

    private static long cpuNanos(ProcessHandle process) {
        return process == null ? 0 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** {busy, total} clock ticks of all CPUs since boot; busy leaves out idle and iowait. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long ticks = Long.parseLong(f[i]);
                total += ticks;
                busy += i == 4 || i == 5 ? 0 : ticks;
            }
            return new long[] {busy, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private record Snapshot(long gatewayNanos, long benchNanos, long machineBusyTicks, long machineTotalTicks,
                            long wallNanos) {
    }

    /**
     * CPU spent over a stretch of wall time.
     *
     * @param gatewaySeconds   CPU seconds of the gateway's JVM (request threads, delivery, JIT, GC)
     * @param benchSeconds     CPU seconds of this JVM: the senders and the reference case system
     * @param machineBusyShare share of all the machine's CPUs busy (0–1)
     */
    record Use(double gatewaySeconds, double benchSeconds, double machineBusyShare, double wallSeconds) {
        /** "gateway / senders + case system ms per package, machine busy %". */
        String perPackage(int packages) {
            return String.format(Locale.ROOT, "%.1f / %.1f (%.0f %%)", gatewaySeconds * 1000 / packages,
                    benchSeconds * 1000 / packages, machineBusyShare * 100);
        }
    }
}
