package org.evidencegateway.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Message;
import org.evidencegateway.deliver.DeliveryAttempt;
import org.evidencegateway.deliver.DeliveryEvidences;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.receive.ClaimCheck;

/**
 * Reads a claim check taken from a destination's queue — its JSON body, and the broker's count of how often it was
 * delivered, which numbers the attempt — and begins the delivery attempt.
 */
public final class DeliveryEdge {
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
        return evidences.attempt(check, count == null ? 1 : count);
    }
}
