package org.evidencegateway.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.evidencegateway.deliver.DeliveryAttempt;
import org.evidencegateway.deliver.DeliveryEvidences;
import org.evidencegateway.deliver.TransientDeliveryException;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.receive.ClaimCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a claim check taken from a destination's queue — its JSON body, and the broker's count of how often it was
 * delivered, which numbers the attempt — and begins the delivery attempt; and logs what failed it.
 */
public final class DeliveryEdge {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEdge.class);

    /** JMS property the broker sets: 1 on the first delivery of a message, 2 on its first redelivery... */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final DeliveryEvidences evidences;

    public DeliveryEdge(DeliveryEvidences evidences) {
        this.evidences = evidences;
    }

    /** The attempt at delivering the claim check in {@code message}'s body. */
    public DeliveryAttempt attempt(Message message) throws JsonProcessingException {
        ClaimCheck check = CanonicalJson.MAPPER.readValue(message.getBody(String.class), ClaimCheck.class);
        Integer count = message.getHeader(DELIVERY_COUNT, Integer.class);
        try {
            return evidences.attempt(check, count == null ? 1 : count);
        } catch (TransientDeliveryException e) {
            LOG.info("{} (attempt {})", e, count);
            throw e;
        }
    }

    /**
     * Logs the failure caught from the delivery flow, unless it is a transient one (logged as one line where it
     * happened): anything else is a local fault or our own bug, logged at ERROR with its stack trace. Then throws it
     * on, so that the message is rolled back and the broker redelivers it.
     */
    public void failed(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (!isTransient(failure)) {
            LOG.error("delivery of package {} failed; the broker will redeliver it",
                    exchange.getIn().getHeader(QueueEdge.PACKAGE_ID), failure);
        }
        throw failure;
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDeliveryException) {
                return true;
            }
        }
        return false;
    }
}
