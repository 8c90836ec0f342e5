package org.evidencegateway.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies in nanoseconds, summarised as percentiles in milliseconds (nearest rank). */
record Latencies(long[] sortedNanos) {
    static Latencies of(long[] nanos, int count) {
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in ms; NaN if there is none. */
    double percentileMillis(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e6;
    }

    /** {@code p50 / p99 / p99.9} in ms, for a table cell. */
    String summary() {
        if (sortedNanos.length == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%s / %s / %s", ms(50), ms(99), ms(99.9));
    }

    private String ms(double p) {
        double value = percentileMillis(p);
        return String.format(Locale.ROOT, value < 10 ? "%.1f" : "%.0f", value);
    }
}
