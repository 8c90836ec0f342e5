package org.evidencegateway.queue;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Artemis broker inside the gateway process, with a persistent file journal: what the gateway uses unless an
 * external broker URL is configured. Delivery queues get per-destination dead-letter and expiry queues, created
 * on demand ({@code DLQ.<queue>}, {@code EXP.<queue>}).
 */
public final class EmbeddedBroker implements AutoCloseable {
    /** In-VM URL clients in this process connect to. */
    public static final String URL = "vm://0";
    /** Address pattern of every queue the gateway delivers from. */
    public static final String DELIVERY_ADDRESSES = "evgw.deliver.#";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    private EmbeddedBroker(Configuration configuration) {
        server.setConfiguration(configuration);
    }

    /** Starts a broker journaling under {@code dataDir}; messages sent before a crash are there after restart. */
    public static EmbeddedBroker start(Path dataDir, BrokerSettings settings) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("evgw")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setMessageExpiryScanPeriod(1000)
                .addAcceptorConfiguration("in-vm", URL);
        configuration.addAddressSetting(DELIVERY_ADDRESSES, settings.deliveryAddressSettings());
        // A dead letter an operator takes and puts back (an action refused or interrupted) is not dead-lettered again.
        configuration.addAddressSetting(BrokerSettings.DEAD_LETTER_ADDRESS, new AddressSettings()
                .setAutoCreateQueues(true).setAutoCreateAddresses(true).setMaxDeliveryAttempts(-1));
        configuration.addAddressSetting("#", new AddressSettings()
                .setAutoCreateQueues(true).setAutoCreateAddresses(true)
                .setDeadLetterAddress(SimpleString.of("DLQ")).setExpiryAddress(SimpleString.of("ExpiryQueue")));
        EmbeddedBroker broker = new EmbeddedBroker(configuration);
        broker.server.start();
        return broker;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** True once the broker has started and until it stops. */
    public boolean isActive() {
        return server.getActiveMQServer() != null && server.getActiveMQServer().isActive();
    }

    /**
     * Creates the dead-letter queue of delivery queue {@code queue} now, as the broker would when it first
     * dead-letters one of its messages (on {@value BrokerSettings#DEAD_LETTER_ADDRESS}, taking the messages that came
     * from {@code queue}), so that the gateway can put a message there itself; does nothing if it exists.
     */
    public void ensureDeadLetterQueue(String queue) throws Exception {
        SimpleString name = SimpleString.of(BrokerSettings.DEAD_LETTER_PREFIX + queue);
        if (server.getActiveMQServer().locateQueue(name) == null) {
            server.getActiveMQServer().createQueue(QueueConfiguration.of(name)
                    .setAddress(BrokerSettings.DEAD_LETTER_ADDRESS).setRoutingType(RoutingType.ANYCAST)
                    .setFilterString(Message.HDR_ORIGINAL_ADDRESS + " = '" + queue + "'").setDurable(true), true);
        }
    }

    /** Messages waiting on a queue (delivered but unacknowledged included), or -1 if there is no such queue. */
    public long messageCount(String queue) {
        var located = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return located == null ? -1 : located.getMessageCount();
    }

    /** The broker's own view, for queue depths in metrics and tests. */
    public EmbeddedActiveMQ server() {
        return server;
    }
}
