package org.evidencegateway.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.evidencegateway.queue.EmbeddedBroker;

/**
 * Looks at what a gateway running in this JVM holds — messages on its embedded broker's queues, rows of its audit
 * log, files in its package store — the way an operator would, without going through the gateway's own code.
 */
public final class GatewayState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestGateway gateway;

    public GatewayState(TestGateway gateway) {
        this.gateway = gateway;
    }

    /** One message on a queue: its claim check JSON and its JMS properties. */
    public record QueuedMessage(JsonNode claimCheck, String groupId, Map<String, Object> properties) {
        public String packageId() {
            return claimCheck.get("packageId").asText();
        }
    }

    /** One row of {@code audit_entries}, its entry JSON parsed. */
    public record AuditRow(long seq, String eventType, String packageId, JsonNode entry) {
        /** A member of the entry's {@code details}, or null. */
        public String detail(String name) {
            JsonNode value = entry.path("details").get(name);
            return value == null ? null : value.asText();
        }
    }

    /** Browses (without consuming) every message on {@code queue} of the embedded broker, oldest first. */
    public List<QueuedMessage> browse(String queue) throws JMSException, IOException {
        List<QueuedMessage> messages = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(EmbeddedBroker.URL);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            Enumeration<?> all = browser.getEnumeration();
            while (all.hasMoreElements()) {
                Message message = (Message) all.nextElement();
                Map<String, Object> properties = new TreeMap<>();
                for (Object name : Collections.list(message.getPropertyNames())) {
                    properties.put((String) name, message.getObjectProperty((String) name));
                }
                messages.add(new QueuedMessage(JSON.readTree(((TextMessage) message).getText()),
                        message.getStringProperty("JMSXGroupID"), properties));
            }
        }
        return messages;
    }

    /** Waits up to 30 seconds for a message of package {@code packageId} on {@code queue}, and fails if none comes. */
    public void awaitQueued(String queue, java.util.UUID packageId) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (browse(queue).stream().noneMatch(m -> m.packageId().equals(packageId.toString()))) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("no message of " + packageId + " on " + queue);
            }
            Thread.sleep(100);
        }
    }

    /** Messages on every queue of the embedded broker together. */
    public long messagesOnAllQueues() {
        EmbeddedBroker broker = gateway.gateway().context().getRegistry()
                .lookupByNameAndType("embeddedBroker", EmbeddedBroker.class);
        return broker.server().getActiveMQServer().getTotalMessageCount();
    }

    /** The highest audit sequence number so far (-1 if the log is empty). */
    public long lastAuditSeq() throws SQLException {
        try (java.sql.Connection c = database().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), -1) FROM audit_entries");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Audit rows with a sequence number above {@code seq}, in order. */
    public List<AuditRow> auditAfter(long seq) throws SQLException, IOException {
        List<AuditRow> rows = new ArrayList<>();
        try (java.sql.Connection c = database().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, event_type, package_id, entry_json "
                     + "FROM audit_entries WHERE seq > ? ORDER BY seq")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            JSON.readTree(rs.getString(4))));
                }
            }
        }
        return rows;
    }

    /** Runs SQL on the gateway's H2 database as someone holding its file would: append-only trigger dropped first. */
    public void tamper(String table, String... statements) throws SQLException {
        execute("DROP TRIGGER " + table + "_append_only");
        execute(statements);
    }

    /** Runs statements on the gateway's database, outside its code. */
    public void execute(String... statements) throws SQLException {
        try (java.sql.Connection c = database().getConnection(); java.sql.Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The rows of a query, each as its columns' text, in order. */
    public List<List<String>> rows(String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (java.sql.Connection c = database().getConnection(); PreparedStatement s = c.prepareStatement(query);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Files in the package store's spool (uploads in progress or left behind). */
    public List<Path> spoolFiles() {
        return files(gateway.dataDir().resolve("store/spool"));
    }

    /** Files in the package store proper (committed packages). */
    public List<Path> storedPackages() {
        return files(gateway.dataDir().resolve("store/packages"));
    }

    private DataSource database() {
        return gateway.gateway().context().getRegistry().lookupByNameAndType("database", DataSource.class);
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
