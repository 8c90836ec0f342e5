package org.evidencegateway.queue;

import java.time.Duration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * How the broker treats delivery queues: redelivery with exponential backoff kept in the broker (so retries survive
 * a gateway restart), how many attempts, and per-destination dead-letter and expiry queues.
 *
 * @param initialRedeliveryDelay delay before the first retry
 * @param maxRedeliveryDelay     cap of the exponential backoff
 * @param maxDeliveryAttempts    attempts before a message goes to its dead-letter queue
 */
public record BrokerSettings(Duration initialRedeliveryDelay, Duration maxRedeliveryDelay, int maxDeliveryAttempts) {
    /** 5 s first retry, doubling up to 10 min, about 48 hours of attempts in all. */
    public static final BrokerSettings DEFAULT = new BrokerSettings(Duration.ofSeconds(5), Duration.ofMinutes(10), 300);

    /** Address every delivery queue's dead letters go to, each queue's to a queue of its own there. */
    public static final String DEAD_LETTER_ADDRESS = "DLA";
    /** Prefix of a delivery queue's dead-letter queue: {@code DLQ.evgw.deliver.<destination>}. */
    public static final String DEAD_LETTER_PREFIX = "DLQ.";

    /**
     * The fully qualified name ({@code DLA::DLQ.<queue>}) by which a JMS client reaches the dead letters of delivery
     * queue {@code queue}: the plain name would address (and auto-create) another queue.
     */
    public static String deadLetterQueue(String queue) {
        return DEAD_LETTER_ADDRESS + "::" + DEAD_LETTER_PREFIX + queue;
    }

    AddressSettings deliveryAddressSettings() {
        return new AddressSettings()
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setRedeliveryDelay(initialRedeliveryDelay.toMillis())
                .setRedeliveryMultiplier(2.0)
                .setRedeliveryCollisionAvoidanceFactor(0.2)
                .setMaxRedeliveryDelay(maxRedeliveryDelay.toMillis())
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of(DEAD_LETTER_PREFIX))
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateExpiryResources(true)
                .setExpiryQueuePrefix(SimpleString.of("EXP."))
                .setExpiryAddress(SimpleString.of("EXA"));
    }
}
