package org.evidencegateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.evidencegateway.audit.JdbcAuditLog;
import org.evidencegateway.audit.LedgerReader;
import org.evidencegateway.audit.MutableClock;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.EvidenceSigner;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.queue.BrokerSettings;
import org.evidencegateway.queue.EmbeddedBroker;
import org.evidencegateway.receive.ClaimCheck;
import org.evidencegateway.runtime.GatewayTestPki;
import org.evidencegateway.store.PackageEvent;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.store.Transactions;
import org.evidencegateway.transport.DeadLetters;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's dead-letter actions against a real embedded broker and an H2 database: packages are dead-lettered
 * the way delivery does it ({@link DeliveryEvidences} records the refusal, {@link DeadLetters} sends the claim
 * check), then listed, shown, replayed and discarded.
 */
class DeadLetterOperationsIT {
    private static final String OPERATOR = GatewayTestPki.OPERATOR;
    private static final String DLQ = BrokerSettings.deadLetterQueue(ClaimCheck.queueFor("ua-case"));

    @TempDir
    Path dir;

    private EmbeddedBroker broker;
    private ActiveMQConnectionFactory connections;
    private HikariDataSource db;
    private Transactions tx;
    private final PackageRepository repository = new PackageRepository();
    private final MutableClock clock = new MutableClock(TestPki.NOW);
    private final JdbcAuditLog audit = new JdbcAuditLog();
    private PartyRegistry parties;
    private DeliveryEvidences evidences;
    private DeadLetterOperations operations;

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("broker"), BrokerSettings.DEFAULT);
        broker.ensureDeadLetterQueue(ClaimCheck.queueFor("ua-case"));
        broker.ensureDeadLetterQueue(ClaimCheck.queueFor("kz-case"));
        connections = new ActiveMQConnectionFactory(EmbeddedBroker.URL);
        db = TestDatabases.fresh(TestDatabases.Kind.H2);
        tx = new Transactions(db);
        parties = PartyRegistry.load(GatewayTestPki.write(dir.resolve("pki")), clock);
        evidences = new DeliveryEvidences("evgw-test", () -> parties, tx, repository, audit,
                new EvidenceSigner(GatewayTestPki.EVIDENCE_KEY.signer()), 5, clock);
        operations = new DeadLetterOperations(() -> parties, tx, repository, audit,
                new DeadLetterQueues(connections), clock);
    }

    @AfterEach
    void stop() throws Exception {
        connections.close();
        broker.close();
        db.close();
    }

    @Test
    void list_showsEachDeadLetterWithItsLastErrorAndAttempts() throws Exception {
        // Given two packages refused for good by ua-case
        ClaimCheck first = deadLettered("KZ-CASE-1");
        ClaimCheck second = deadLettered("KZ-CASE-2");

        // When an operator lists the dead letters, all of them and those of each destination
        List<DeadLetter> all = operations.list(null);
        List<DeadLetter> kz = operations.list("kz-case");

        // Then both are there, oldest first, with the refusal's code and reason and one attempt each
        assertThat(all).extracting(DeadLetter::packageId).containsExactly(first.packageId(), second.packageId());
        DeadLetter letter = all.get(0);
        assertThat(letter.destination()).isEqualTo("ua-case");
        assertThat(letter.caseReference()).isEqualTo("KZ-CASE-1");
        assertThat(letter.sender()).isEqualTo("kz-gpo");
        assertThat(letter.status()).isEqualTo(PackageStatus.DELIVERY_FAILED);
        assertThat(letter.lastErrorCode()).isEqualTo("EGW-DLV-002");
        assertThat(letter.lastErrorReason()).isEqualTo("ua-case serves only ua-pgo");
        assertThat(letter.deadLetteredAt()).isEqualTo(TestPki.NOW.plusSeconds(1));
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(kz).isEmpty();
        assertThatThrownBy(() -> operations.list("kz-gpo")).isInstanceOf(CodedException.class)
                .extracting(e -> ((CodedException) e).code()).isEqualTo(ErrorCode.OPS_UNKNOWN_DESTINATION);
    }

    @Test
    void list_showsAClaimCheckOfAPackageTheDatabaseDoesNotKnow_withoutAStatus() throws Exception {
        // Given a claim check on the dead-letter queue whose package is not recorded
        ClaimCheck stray = new ClaimCheck(UUID.randomUUID(), "ua-case", "stray.p7m", "ab".repeat(32), 1, "kz-gpo",
                "ua-npu", "KZ-STRAY-1", "EVIDENCE");
        new DeadLetters(connections).send(DeliveryOutcome.refused(new DeliveryAttempt(stray, null, null, 1, false,
                true), "EGW-DLV-002", "refused"));

        // Then it is listed as it is, and cannot be acted on
        assertThat(operations.list(null)).singleElement().satisfies(l -> {
            assertThat(l.packageId()).isEqualTo(stray.packageId());
            assertThat(l.caseReference()).isEqualTo("KZ-STRAY-1");
            assertThat(l.status()).isNull();
        });
        assertRefused(() -> operations.discard(stray.packageId(), OPERATOR, "stray"), ErrorCode.OPS_UNKNOWN_PACKAGE);
    }

    @Test
    void show_givesTheTimelineAndEvidencesOfTheDeadLetter() {
        ClaimCheck check = deadLettered("KZ-CASE-1");

        DeadLetterDetail detail = operations.show(check.packageId());

        assertThat(detail.deadLetter().packageId()).isEqualTo(check.packageId());
        assertThat(detail.timeline()).extracting(PackageEvent::status).containsExactly(PackageStatus.RECEIVED,
                PackageStatus.DELIVERING, PackageStatus.DELIVERY_FAILED);
        assertThat(detail.evidences()).extracting(e -> e.evidenceType().id())
                .containsExactly("RelayAcceptance", "NonDelivery");
    }

    @Test
    void replay_movesTheClaimCheckBackInItsGroup_makesThePackageDue_andIsOneAuditEntry() throws Exception {
        // Given a dead letter
        ClaimCheck check = deadLettered("KZ-CASE-1");
        long entriesBefore = treeSize();

        // When the operator replays it
        clock.advance(java.time.Duration.ofMinutes(5));
        DeadLetter replayed = operations.replay(check.packageId(), OPERATOR, "case system fixed its routing");

        // Then the claim check is on the destination's queue, in its case's message group, and the DLQ is empty
        assertThat(replayed.status()).isEqualTo(PackageStatus.DELIVERING);
        assertThat(browse(DLQ)).isEmpty();
        List<Message> queued = browse(ClaimCheck.queueFor("ua-case"));
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).getStringProperty("JMSXGroupID")).isEqualTo("ua-npu/KZ-CASE-1");
        assertThat(queued.get(0).getStringProperty(ClaimCheck.PACKAGE_ID_PROPERTY))
                .isEqualTo(check.packageId().toString());
        // the package is due again, its timeline says who replayed it and why
        assertThat(evidences.attempt(check, 1).due()).isTrue();
        List<PackageEvent> timeline = tx.inTransaction(c -> repository.timeline(c, check.packageId()));
        assertThat(timeline.get(timeline.size() - 1)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(PackageStatus.DELIVERING);
            assertThat(e.detail()).contains(OPERATOR).contains("case system fixed its routing");
        });
        // and the ledger has one entry for it (the attempt above is the second entry), naming actor and reason
        JsonNode entry = entryAt(entriesBefore);
        assertThat(entry.get("type").asText()).isEqualTo("DEAD_LETTER_REPLAYED");
        assertThat(entry.get("actor").asText()).isEqualTo(OPERATOR);
        assertThat(entry.at("/details/reason").asText()).isEqualTo("case system fixed its routing");
        assertThat(entry.at("/details/destination").asText()).isEqualTo("ua-case");
        assertThat(entry.at("/details/previousStatus").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(entryAt(entriesBefore + 1).get("type").asText()).isEqualTo("DELIVERY_ATTEMPTED");
    }

    @Test
    void discard_removesTheClaimCheck_thePackageStaysFailed_andIsOneAuditEntry() throws Exception {
        ClaimCheck check = deadLettered("KZ-CASE-1");
        long entriesBefore = treeSize();

        DeadLetter discarded = operations.discard(check.packageId(), OPERATOR, "sender withdrew the request");

        assertThat(discarded.status()).isEqualTo(PackageStatus.DELIVERY_FAILED);
        assertThat(browse(DLQ)).isEmpty();
        assertThat(browse(ClaimCheck.queueFor("ua-case"))).isEmpty();
        assertThat(treeSize()).isEqualTo(entriesBefore + 1);
        JsonNode entry = entryAt(entriesBefore);
        assertThat(entry.get("type").asText()).isEqualTo("DEAD_LETTER_DISCARDED");
        assertThat(entry.get("actor").asText()).isEqualTo(OPERATOR);
        assertThat(entry.at("/details/reason").asText()).isEqualTo("sender withdrew the request");
        assertThat(evidences.attempt(check, 1).due()).isFalse();
        // and it is no dead letter any more
        assertRefused(() -> operations.replay(check.packageId(), OPERATOR, "again"), ErrorCode.OPS_NOT_DEAD_LETTERED);
    }

    @Test
    void replayWhoseBrokerCommitFails_isRecordedAndSaysSo_cannotBeDiscarded_andReplayingAgainFinishesIt()
            throws Exception {
        // Given a dead letter, and a broker that fails at the moment the replay's move commits
        ClaimCheck check = deadLettered("KZ-CASE-1");
        DeadLetterOperations failing = new DeadLetterOperations(() -> parties, tx, repository, audit,
                new DeadLetterQueues(failingCommits(connections)), clock);

        // When the operator replays it
        assertRefused(() -> failing.replay(check.packageId(), OPERATOR, "first try"), ErrorCode.OPS_INCOMPLETE);

        // Then the replay is recorded (DELIVERING) but the claim check is still a dead letter, shown as such (the
        // broker puts back what a closed transaction held as it closes; a browser may see it a moment later)
        assertThat(browseUntilSize(DLQ, 1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(browse(ClaimCheck.queueFor("ua-case"))).isEmpty();
        assertThat(operations.list("ua-case")).extracting(DeadLetter::status)
                .containsExactly(PackageStatus.DELIVERING);
        // a discard would leave it DELIVERING with nothing on its way: refused
        assertRefused(() -> operations.discard(check.packageId(), OPERATOR, "no"), ErrorCode.OPS_WRONG_STATUS);

        // When the operator replays it again, the move is finished: on its queue once, the package due
        operations.replay(check.packageId(), OPERATOR, "finish the interrupted replay");
        assertThat(browse(DLQ)).isEmpty();
        assertThat(browse(ClaimCheck.queueFor("ua-case"))).hasSize(1);
        assertThat(evidences.attempt(check, 1).due()).isTrue();
        List<org.evidencegateway.audit.LedgerEntry> entries = tx.inTransaction(c -> LedgerReader.entriesOf(c,
                check.packageId().toString()));
        assertThat(entries).filteredOn(e -> e.json().contains("\"type\":\"DEAD_LETTER_REPLAYED\"")).hasSize(2);
    }

    @Test
    void refusals_unknownPackage_notDeadLettered_noReason_writeNothing() throws Exception {
        // Given a dead letter, and a package that was delivered
        ClaimCheck dead = deadLettered("KZ-CASE-1");
        ClaimCheck delivered = attempted("KZ-CASE-2");
        evidences.record(DeliveryOutcome.delivered(evidences.attempt(delivered, 1), null));
        long entriesBefore = treeSize();

        // Then each refusal has its code, and nothing is written or moved
        assertRefused(() -> operations.replay(UUID.randomUUID(), OPERATOR, "r"), ErrorCode.OPS_UNKNOWN_PACKAGE);
        assertRefused(() -> operations.replay(delivered.packageId(), OPERATOR, "r"), ErrorCode.OPS_NOT_DEAD_LETTERED);
        assertRefused(() -> operations.show(delivered.packageId()), ErrorCode.OPS_NOT_DEAD_LETTERED);
        assertRefused(() -> operations.replay(dead.packageId(), OPERATOR, " "), ErrorCode.OPS_REASON_REQUIRED);
        assertRefused(() -> operations.discard(dead.packageId(), OPERATOR, null), ErrorCode.OPS_REASON_REQUIRED);
        assertRefused(() -> operations.discard(dead.packageId(), OPERATOR, "x".repeat(1001)),
                ErrorCode.OPS_REASON_REQUIRED);
        assertThat(treeSize()).isEqualTo(entriesBefore);
        assertThat(browse(DLQ)).hasSize(1);
        assertThat(operations.show(dead.packageId()).deadLetter().status()).isEqualTo(PackageStatus.DELIVERY_FAILED);
    }

    @Test
    void refused_isOneAuditEntryNamingActorActionAndCode() throws Exception {
        long entriesBefore = treeSize();
        UUID id = UUID.randomUUID();

        operations.refused(DeadLetterOperations.Action.REPLAY, "kz-gpo", id,
                new CodedException(ErrorCode.OPS_NOT_OPERATOR, "kz-gpo", "AGENCY", "replay dead letters"));

        JsonNode entry = entryAt(entriesBefore);
        assertThat(entry.get("type").asText()).isEqualTo("OPERATOR_ACTION_REFUSED");
        assertThat(entry.get("actor").asText()).isEqualTo("kz-gpo");
        assertThat(entry.get("packageId").asText()).isEqualTo(id.toString());
        assertThat(entry.at("/details/action").asText()).isEqualTo("replay");
        assertThat(entry.at("/details/code").asText()).isEqualTo("EGW-OPS-005");
    }

    /** A package of kz-gpo for ua-npu, recorded, its first attempt begun by delivery. */
    private ClaimCheck attempted(String caseReference) {
        UUID id = UUID.randomUUID();
        PackageRecord record = new PackageRecord(id, "ab".repeat(32), 1234, "cd".repeat(32), "EVIDENCE",
                caseReference, "kz-gpo", "kz-gpo", "ua-npu", PackageStatus.RECEIVED, clock.instant(), id + ".p7m");
        tx.inTransaction(c -> repository.insert(c, record, "received"));
        return new ClaimCheck(id, "ua-case", record.storeRef(), record.packageSha256(), record.packageSize(),
                record.sender(), record.recipient(), caseReference, record.kind());
    }

    /** A package that ua-case refused for good, dead-lettered as delivery does it. */
    private ClaimCheck deadLettered(String caseReference) {
        ClaimCheck check = attempted(caseReference);
        DeliveryAttempt attempt = evidences.attempt(check, 1);
        clock.advance(java.time.Duration.ofSeconds(1));
        try {
            new DeadLetters(connections).send(evidences.record(DeliveryOutcome.refused(attempt, "EGW-DLV-002",
                    "ua-case serves only ua-pgo")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return check;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(CodedException.class)
                .extracting(e -> ((CodedException) e).code()).isEqualTo(code);
    }

    private long treeSize() {
        return tx.inTransaction(LedgerReader::treeSize);
    }

    private JsonNode entryAt(long seq) throws Exception {
        List<String> json = new ArrayList<>();
        tx.inTransaction(c -> {
            LedgerReader.entries(c, seq, seq + 1, e -> json.add(e.json()));
            return null;
        });
        return CanonicalJson.MAPPER.readTree(json.get(0));
    }

    /** Connections to the same broker whose sessions fail to commit, as when the broker goes away at that moment. */
    private static ConnectionFactory failingCommits(ConnectionFactory real) {
        return intercepted(ConnectionFactory.class, real);
    }

    private static <T> T intercepted(Class<T> type, Object target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                throw new JMSException("the broker went away (test)");
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Session session) {
                return intercepted(Session.class, session);
            }
            return result instanceof Connection connection ? intercepted(Connection.class, connection) : result;
        }));
    }

    private List<Message> browseUntilSize(String queue, int size, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Message> messages = browse(queue);
        while (messages.size() != size && System.nanoTime() < deadline) {
            Thread.sleep(50);
            messages = browse(queue);
        }
        return messages;
    }

    private List<Message> browse(String queue) throws Exception {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            connection.start();
            return Collections.list(browser.getEnumeration()).stream().map(Message.class::cast).toList();
        }
    }
}
