package org.evidencegateway.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.Message;
import org.evidencegateway.deliver.DeliveryOutcome;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.receive.ClaimCheck;

/**
 * Puts the claim check of a delivery the case system refused for good on its destination's dead-letter queue, as
 * the broker puts one whose retries ran out, for an operator to replay or discard. Sent with the broker's JMS client
 * directly: the queue is reached by its fully qualified name on the dead-letter address.
 */
public final class DeadLetters {
    private final ConnectionFactory connections;

    public DeadLetters(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** Sends the claim check of {@code outcome} to {@code DLQ.evgw.deliver.<destination>}; returns {@code outcome}. */
    public DeliveryOutcome send(DeliveryOutcome outcome) throws JMSException, JsonProcessingException {
        ClaimCheck check = outcome.attempt().check();
        String queue = ClaimCheck.queueFor(check.destination());
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(CanonicalJson.MAPPER.writeValueAsString(check));
            message.setStringProperty(QueueEdge.DESTINATION, check.destination());
            message.setStringProperty(QueueEdge.PACKAGE_ID, check.packageId().toString());
            message.setStringProperty(QueueEdge.GROUP, check.group());
            // What the broker sets on the messages it dead-letters; the dead-letter queue selects on it.
            message.setStringProperty(Message.HDR_ORIGINAL_ADDRESS.toString(), queue);
            session.createProducer(session.createQueue(BrokerSettings.deadLetterQueue(queue))).send(message);
        }
        return outcome;
    }
}
