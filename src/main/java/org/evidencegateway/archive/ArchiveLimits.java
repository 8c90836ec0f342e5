package org.evidencegateway.archive;

/**
 * Bounds that an untrusted archive must stay within, enforced by {@link ArchiveReader} while it inflates.
 *
 * @param maxEntries most entries the archive may hold ({@code ZIP_TOO_MANY_ENTRIES} beyond)
 * @param maxTotalBytes most bytes all entries together may inflate to ({@code ZIP_TOO_LARGE} beyond)
 * @param maxRatio most inflated bytes per compressed byte of one entry ({@code ZIP_RATIO} beyond)
 * @param ratioThreshold inflated size of one entry from which {@code maxRatio} applies, so that small, highly
 *     compressible files (text, JSON) pass
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, int maxRatio, long ratioThreshold) {
    /** 100 000 entries, 1 TiB in all, 200:1 for entries above 16 MiB. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(100_000, 1L << 40, 200, 16L << 20);

    public ArchiveLimits {
        if (maxEntries < 1 || maxTotalBytes < 0 || maxRatio < 1 || ratioThreshold < 0) {
            throw new IllegalArgumentException("archive limits must be positive: " + maxEntries + ", "
                    + maxTotalBytes + ", " + maxRatio + ", " + ratioThreshold);
        }
    }
}
