package org.evidencegateway.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.receive.ClaimCheck;

/**
 * The destinations' dead-letter queues ({@code DLQ.evgw.deliver.<destination>}) as an operator acts on them, with
 * the broker's JMS client: browsing the claim checks waiting there, and taking those of one package off in a
 * transacted session, to put back on the destination's queue or to drop, committed only when the caller says so.
 */
public final class DeadLetterQueues {
    private static final long FIRST_RECEIVE_MILLIS = 5_000;
    private static final long NEXT_RECEIVE_MILLIS = 200;

    private final ConnectionFactory connections;

    public DeadLetterQueues(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** The claim checks waiting on {@code destination}'s dead-letter queue, oldest first. */
    public List<ClaimCheck> browse(String destination) {
        return browse(destination, null);
    }

    /** Whether a claim check of {@code packageId} waits on {@code destination}'s dead-letter queue. */
    public boolean holds(String destination, UUID packageId) {
        return !browse(destination, selector(packageId)).isEmpty();
    }

    /**
     * Takes every claim check of {@code packageId} off {@code destination}'s dead-letter queue in a transaction of
     * its own: nothing leaves the queue until {@link Taken#moveTo} or {@link Taken#drop}; closing without either
     * puts them back. The caller closes it.
     */
    public Taken take(String destination, UUID packageId) {
        try {
            Connection connection = connections.createConnection();
            try {
                connection.start();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                List<ClaimCheck> checks = new ArrayList<>();
                try (MessageConsumer consumer = session.createConsumer(queue(session, destination),
                        selector(packageId))) {
                    for (Message m = consumer.receive(FIRST_RECEIVE_MILLIS); m != null;
                         m = consumer.receive(NEXT_RECEIVE_MILLIS)) {
                        checks.add(claimCheck(m));
                    }
                }
                return new Taken(connection, session, checks);
            } catch (JMSException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the dead letters of " + destination + ": " + e, e);
        }
    }

    /** Claim checks taken off a dead-letter queue, not yet gone from it. */
    public static final class Taken implements AutoCloseable {
        private final Connection connection;
        private final Session session;
        private final List<ClaimCheck> checks;

        private Taken(Connection connection, Session session, List<ClaimCheck> checks) {
            this.connection = connection;
            this.session = session;
            this.checks = List.copyOf(checks);
        }

        /** Whether any claim check was taken. */
        public boolean isEmpty() {
            return checks.isEmpty();
        }

        /** The (first) claim check taken. */
        public ClaimCheck claimCheck() {
            return checks.get(0);
        }

        /**
         * Sends one claim check, persistent and in its case's message group, to its destination's queue and removes
         * every one taken from the dead-letter queue, in one broker transaction: duplicates taken are dropped.
         */
        public void moveTo(String queue) throws JMSException, JsonProcessingException {
            ClaimCheck check = claimCheck();
            TextMessage message = session.createTextMessage(CanonicalJson.MAPPER.writeValueAsString(check));
            message.setStringProperty(ClaimCheck.DESTINATION_PROPERTY, check.destination());
            message.setStringProperty(ClaimCheck.PACKAGE_ID_PROPERTY, check.packageId().toString());
            message.setStringProperty(ClaimCheck.GROUP_PROPERTY, check.group());
            session.createProducer(session.createQueue(queue)).send(message);
            session.commit();
        }

        /** Removes every claim check taken from the dead-letter queue. */
        public void drop() throws JMSException {
            session.commit();
        }

        /** Closes the session; what was neither moved nor dropped returns to the dead-letter queue. */
        @Override
        public void close() throws JMSException {
            connection.close();
        }
    }

    private List<ClaimCheck> browse(String destination, String selector) {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(queue(session, destination), selector)) {
            connection.start();
            List<ClaimCheck> checks = new ArrayList<>();
            for (Object m : Collections.list(browser.getEnumeration())) {
                checks.add(claimCheck((Message) m));
            }
            return checks;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the dead letters of " + destination + ": " + e, e);
        }
    }

    private static jakarta.jms.Queue queue(Session session, String destination) throws JMSException {
        return session.createQueue(BrokerSettings.deadLetterQueue(ClaimCheck.queueFor(destination)));
    }

    /** A package id is a UUID: nothing in it can break out of the quoted literal. */
    private static String selector(UUID packageId) {
        return ClaimCheck.PACKAGE_ID_PROPERTY + " = '" + packageId + "'";
    }

    private static ClaimCheck claimCheck(Message message) throws JMSException {
        try {
            return CanonicalJson.MAPPER.readValue(((TextMessage) message).getText(), ClaimCheck.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dead letter is no claim check: " + e.getOriginalMessage(), e);
        }
    }
}
