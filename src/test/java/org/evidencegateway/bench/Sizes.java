package org.evidencegateway.bench;

import java.util.Locale;

/** Byte counts as people write them in properties ({@code 1MiB}, {@code 4GiB}) and as the reports print them. */
public final class Sizes {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long GIB = 1024 * MIB;

    private Sizes() {
    }

    /** Parses a plain byte count or one ending in KiB, MiB or GiB (binary units only, to leave no doubt). */
    public static long parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        long unit = 1;
        if (lower.endsWith("kib")) {
            unit = KIB;
        } else if (lower.endsWith("mib")) {
            unit = MIB;
        } else if (lower.endsWith("gib")) {
            unit = GIB;
        }
        String number = unit == 1 ? t : t.substring(0, t.length() - 3).trim();
        try {
            return Math.multiplyExact(Long.parseLong(number), unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: \"" + text + "\" (write e.g. 100MiB, 1GiB or 4096)", e);
        }
    }

    /** The shortest exact form: {@code 1GiB}, {@code 100MiB}, {@code 1536KiB}, or bytes. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % GIB == 0) {
            return bytes / GIB + "GiB";
        }
        if (bytes != 0 && bytes % MIB == 0) {
            return bytes / MIB + "MiB";
        }
        if (bytes != 0 && bytes % KIB == 0) {
            return bytes / KIB + "KiB";
        }
        return bytes + "B";
    }

    /** MiB with one decimal, for heap and RSS figures. */
    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    /** Throughput in MiB/s for {@code bytes} done in {@code seconds}. */
    public static double mibPerSecond(long bytes, double seconds) {
        return bytes / (double) MIB / seconds;
    }
}
