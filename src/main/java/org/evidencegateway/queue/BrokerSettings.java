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
                .setDeadLetterQueuePrefix(SimpleString.of("DLQ."))
                .setDeadLetterAddress(SimpleString.of("DLA"))
                .setAutoCreateExpiryResources(true)
                .setExpiryQueuePrefix(SimpleString.of("EXP."))
                .setExpiryAddress(SimpleString.of("EXA"));
    }
}
