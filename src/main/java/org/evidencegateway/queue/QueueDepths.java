package org.evidencegateway.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Gauges {@code evgw.queue.depth} of each destination's delivery queue ({@code evgw.deliver.<destination>}) and of
 * its dead-letter queue ({@code DLQ.evgw.deliver.<destination>}), read from the broker at every scrape. A queue the
 * broker has not created yet reads 0.
 */
public final class QueueDepths {
    /** Name of the gauge; the {@code queue} tag names the queue. */
    public static final String GAUGE = "evgw.queue.depth";
    /** Prefix of every delivery queue; the destination's party id follows. */
    public static final String DELIVERY_PREFIX = "evgw.deliver.";
    /** Prefix the broker gives a delivery queue's dead-letter queue. */
    public static final String DEAD_LETTER_PREFIX = "DLQ.";

    private final MeterRegistry meters;
    private final ToLongFunction<String> messageCount;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    /** @param messageCount messages on a queue by name, negative if the queue does not exist */
    public QueueDepths(MeterRegistry meters, ToLongFunction<String> messageCount) {
        this.meters = meters;
        this.messageCount = messageCount;
    }

    /** The delivery queue of a destination party. */
    public static String deliveryQueue(String destination) {
        return DELIVERY_PREFIX + destination;
    }

    /** Starts gauging a destination's queues; watching one twice changes nothing. */
    public void watch(String destination) {
        if (watched.add(destination)) {
            String queue = deliveryQueue(destination);
            gauge(queue);
            gauge(DEAD_LETTER_PREFIX + queue);
        }
    }

    private void gauge(String queue) {
        Gauge.builder(GAUGE, () -> Math.max(0, messageCount.applyAsLong(queue)))
                .tag("queue", queue)
                .description("Messages waiting on a delivery queue or its dead-letter queue")
                .register(meters);
    }
}
