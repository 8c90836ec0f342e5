package org.evidencegateway.archive;

import org.evidencegateway.error.ArchiveException;
import org.evidencegateway.error.ErrorCode;

/** Counts inflated bytes across the archive and stops an entry or the whole as soon as it passes the limits. */
final class ExpansionGuard {
    private final ArchiveLimits limits;
    private long total;

    ExpansionGuard(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Accounts {@code delta} new bytes of entry {@code name}, which has now given {@code inflated} from {@code compressed}. */
    void inflated(String name, int delta, long compressed, long inflated) {
        total += delta;
        if (total > limits.maxTotalBytes()) {
            throw new ArchiveException(ErrorCode.ZIP_TOO_LARGE, limits.maxTotalBytes());
        }
        if (inflated > limits.ratioThreshold() && exceedsRatio(compressed, inflated)) {
            throw new ArchiveException(ErrorCode.ZIP_RATIO, EntryNames.printable(name), limits.maxRatio(),
                    compressed, inflated);
        }
    }

    private boolean exceedsRatio(long compressed, long inflated) {
        return compressed <= Long.MAX_VALUE / limits.maxRatio() && inflated > compressed * limits.maxRatio();
    }
}
