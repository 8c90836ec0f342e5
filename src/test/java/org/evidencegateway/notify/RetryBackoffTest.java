package org.evidencegateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    static final Duration INITIAL = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofHours(1);

    @Test
    void after_doublesFromTheInitialDelay_untilTheCap_withoutJitter() {
        RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, () -> 0.0);

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.after(10)).isEqualTo(MAX);
        assertThat(backoff.after(1_000)).isEqualTo(MAX);
    }

    @Test
    void after_jitterShortensTheWaitByUpToHalf() {
        RetryBackoff almostHalf = new RetryBackoff(INITIAL, MAX, () -> 0.999);
        RetryBackoff quarter = new RetryBackoff(INITIAL, MAX, () -> 0.5);

        assertThat(almostHalf.after(2)).isBetween(Duration.ofSeconds(10), Duration.ofMillis(10_010));
        assertThat(quarter.after(2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(quarter.after(1_000)).isEqualTo(Duration.ofMinutes(45));
    }
}
