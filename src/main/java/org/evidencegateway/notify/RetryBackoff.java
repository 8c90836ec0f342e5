package org.evidencegateway.notify;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the wait after the n-th failed attempt is {@code initial * 2^(n-1)}, capped at
 * {@code max}, then shortened at random by up to half so that notifications failing together spread out.
 */
public final class RetryBackoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random a value in [0, 1) on every call */
    public RetryBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failedAttempts} attempts (1 or more) failed. */
    public Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long cap = max.toMillis();
        long exponential = initial.toMillis() > (cap >> doublings) ? cap : initial.toMillis() << doublings;
        long full = Math.min(exponential, cap);
        return Duration.ofMillis(full - (long) (full / 2.0 * random.getAsDouble()));
    }
}
