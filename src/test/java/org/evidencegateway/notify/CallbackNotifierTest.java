package org.evidencegateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evidencegateway.audit.JdbcAuditLog;
import org.evidencegateway.audit.MutableClock;
import org.evidencegateway.evidence.EvidenceSigner;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.receive.SubmissionEvidences;
import org.evidencegateway.runtime.GatewayTestPki;
import org.evidencegateway.store.CallbackOutbox;
import org.evidencegateway.store.CallbackOutbox.State;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageRepository;
import org.evidencegateway.store.PackageStatus;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.store.Transactions;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifier working off the outbox with a callback that answers as each test says (H2, no network). */
class CallbackNotifierTest {
    static final String URL = "https://evidences.kz-mvd.example/callback";
    static final int MAX_ATTEMPTS = 3;

    @TempDir
    Path dir;
    HikariDataSource db;
    Transactions tx;
    PartyRegistry parties;
    final MutableClock timing = new MutableClock(TestPki.NOW);
    final List<String> posted = new ArrayList<>();
    final CallbackOutbox outbox = new CallbackOutbox();

    @BeforeEach
    void gatewayWithACallbackForKzMvd() {
        Path registry = GatewayTestPki.write(dir);
        GatewayTestPki.addCallback(registry, "kz-mvd", URL);
        parties = PartyRegistry.load(registry, TestPki.CLOCK);
        db = TestDatabases.fresh(TestDatabases.Kind.H2);
        tx = new Transactions(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void tick_postsEachDueEvidenceToTheRegisteredUrl_andATakenOneIsNotSentAgain() {
        SignedEvidence evidence = savedEvidence();
        CallbackNotifier notifier = notifier(answering(null));

        int first = notifier.tick();
        int second = notifier.tick();

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(posted).containsExactly(URL + " " + evidence.statement().evidenceId());
        assertThat(state(evidence)).isEqualTo(State.DONE);
    }

    @Test
    void tick_retriesAFailedCallbackOnlyAfterTheBackoff_andAbandonsItAfterTheLastAttemptWithAnAuditEntry()
            throws Exception {
        SignedEvidence evidence = savedEvidence();
        CallbackNotifier notifier = notifier(answering("HTTP 503"));

        notifier.tick();
        int beforeTheBackoff = notifier.tick();
        timing.advance(Duration.ofSeconds(10));
        int afterIt = notifier.tick();
        timing.advance(Duration.ofSeconds(20));
        notifier.tick();
        timing.advance(Duration.ofHours(1));
        int afterAbandoning = notifier.tick();

        assertThat(beforeTheBackoff).isZero();
        assertThat(afterIt).isEqualTo(1);
        assertThat(afterAbandoning).isZero();
        assertThat(posted).hasSize(MAX_ATTEMPTS);
        assertThat(state(evidence)).isEqualTo(State.ABANDONED);
        assertThat(auditEntries()).singleElement().satisfies(entry -> assertThat(entry)
                .startsWith("CALLBACK_ABANDONED " + evidence.statement().packageId())
                .contains("\"party\":\"kz-mvd\"", "\"attempts\":\"3\"", "HTTP 503",
                        evidence.statement().evidenceId().toString()));
    }

    @Test
    void tick_ofANewNotifier_resumesWhatTheLastOneLeftPending() {
        SignedEvidence evidence = savedEvidence();
        notifier(answering("HTTP 500")).tick();
        timing.advance(Duration.ofSeconds(10));

        // As after a restart: a new notifier on the same database
        int resumed = notifier(answering(null)).tick();

        assertThat(resumed).isEqualTo(1);
        assertThat(posted).hasSize(2);
        assertThat(state(evidence)).isEqualTo(State.DONE);
        assertThat(auditEntries()).isEmpty();
    }

    private CallbackPoster answering(String failure) {
        return (URI url, UUID packageId, SignedEvidence evidence) -> {
            assertThat(packageId).isEqualTo(evidence.statement().packageId());
            posted.add(url + " " + evidence.statement().evidenceId());
            return failure;
        };
    }

    private CallbackNotifier notifier(CallbackPoster poster) {
        return new CallbackNotifier(() -> parties, tx, outbox, new JdbcAuditLog(), poster,
                new RetryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(1), () -> 0.0), MAX_ATTEMPTS, "evgw-test",
                new CallbackNotifier.Clocks(TestPki.CLOCK, timing));
    }

    /** A Delivery of a package of kz-mvd to ua-pgo, saved as the gateway saves it. */
    private SignedEvidence savedEvidence() {
        UUID id = UUID.randomUUID();
        PackageRecord record = new PackageRecord(id, "ab".repeat(32), 1234, "cd".repeat(32), "EVIDENCE",
                "KZ-TEST-0001", "kz-mvd", "kz-mvd", "ua-pgo", PackageStatus.RECEIVED, TestPki.NOW, id + ".p7m");
        SignedEvidence evidence = new EvidenceSigner(GatewayTestPki.EVIDENCE_KEY.signer()).sign(SubmissionEvidences
                .about(record, EvidenceType.DELIVERY, TestPki.NOW, "evgw-test", "kz-mvd", null, null, null));
        PackageRepository repository = new PackageRepository(new CallbackSubscribers(() -> parties));
        tx.inTransaction(c -> {
            repository.insert(c, record, "received");
            repository.saveEvidence(c, evidence);
            return null;
        });
        return evidence;
    }

    private State state(SignedEvidence evidence) {
        List<CallbackOutbox.Row> rows = tx.inTransaction(c -> outbox.of(c, evidence.statement().evidenceId()));
        assertThat(rows).extracting(CallbackOutbox.Row::partyId).containsExactly("kz-mvd");
        return rows.get(0).state();
    }

    private List<String> auditEntries() {
        return tx.inTransaction(c -> {
            List<String> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT event_type, package_id, entry_json "
                    + "FROM audit_entries ORDER BY seq"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return entries;
        });
    }
}
