package org.evidencegateway.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.time.Duration;

/**
 * The ingest meters, recorded by {@link IngestEdge} once per submission: packages accepted (by destination) and
 * refused (by error code), bytes received, and the time from request to answer. Prometheus names: see
 * docs/operations.md.
 */
public final class IngestMetrics {
    private final MeterRegistry meters;
    private final Counter bytes;

    public IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.bytes = Counter.builder("evgw.received").baseUnit(BaseUnits.BYTES)
                .description("Bytes of packages received completely (refused ones included)").register(meters);
    }

    /** A package is on its destination's queue. */
    public void accepted(String destination, Duration took) {
        Counter.builder("evgw.packages.accepted").tag("destination", destination)
                .description("Packages accepted and queued for delivery").register(meters).increment();
        timer("accepted").record(took);
    }

    /** A package submitted again with the same bytes was answered with its original receipt. */
    public void repeated(Duration took) {
        timer("repeated").record(took);
    }

    /** A submission was refused with this error code. */
    public void refused(String code, Duration took) {
        Counter.builder("evgw.packages.refused").tag("code", code)
                .description("Submissions refused, by error code").register(meters).increment();
        timer("refused").record(took);
    }

    /** An upload was spooled completely. */
    public void received(long size) {
        bytes.increment(size);
    }

    private Timer timer(String outcome) {
        return Timer.builder("evgw.ingest.duration").tag("outcome", outcome)
                .description("Time from the start of a submission request to its answer")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofHours(2))
                .register(meters);
    }
}
