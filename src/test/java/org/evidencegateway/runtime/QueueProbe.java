package org.evidencegateway.runtime;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.evidencegateway.queue.EmbeddedBroker;

/** Looks at the embedded broker's queues without consuming: what a test needs to see what was queued. */
public final class QueueProbe {
    private QueueProbe() {
    }

    /** The text bodies of the messages waiting on {@code queue}, oldest first. */
    public static List<String> texts(String queue) {
        return browse(queue).stream().map(QueueProbe::text).toList();
    }

    /** The messages waiting on {@code queue}, oldest first. */
    public static List<Message> browse(String queue) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(EmbeddedBroker.URL);
             Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            connection.start();
            return new ArrayList<>(Collections.list(browser.getEnumeration()).stream().map(Message.class::cast).toList());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queue, e);
        }
    }

    private static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
