package org.evidencegateway.deliver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The delivery meters: attempts by destination and outcome ({@code delivered}, {@code refused}, {@code retry},
 * {@code exhausted}) — an operator alerts on {@code refused} and {@code exhausted}, which dead-letter the package.
 */
public final class DeliveryMetrics {
    /** How one attempt ended. */
    public enum Outcome {
        DELIVERED, REFUSED, RETRY, EXHAUSTED
    }

    private final MeterRegistry meters;

    public DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One attempt at delivering to {@code destination} ended so. */
    public void attempted(String destination, Outcome outcome) {
        Counter.builder("evgw.deliveries").tag("destination", destination)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .description("Delivery attempts, by destination case system and outcome").register(meters).increment();
    }
}
