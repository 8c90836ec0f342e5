package org.evidencegateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.evidence.EvidenceSigner;
import org.evidencegateway.evidence.EvidenceType;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.receive.SubmissionEvidences;
import org.evidencegateway.runtime.GatewayTestPki;
import org.evidencegateway.store.CallbackOutbox.Due;
import org.evidencegateway.store.CallbackOutbox.Row;
import org.evidencegateway.store.CallbackOutbox.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The callback outbox: written with the evidence in one transaction, then worked off by the notifier. */
class CallbackOutboxTest {
    static final Instant T0 = PackageRepositoryTest.T0;
    static final EvidenceSigner SIGNER = new EvidenceSigner(GatewayTestPki.EVIDENCE_KEY.signer());

    private final CallbackOutbox outbox = new CallbackOutbox();
    private final List<String> asked = new ArrayList<>();
    private final PackageRepository repository = new PackageRepository((sender, recipient) -> {
        asked.add(sender + "->" + recipient);
        return List.of("kz-mvd", "ua-case");
    });

    static Stream<TestDatabases.Kind> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void saveEvidence_queuesOneNotificationPerSubscriberOfThePackagesParties(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            PackageRecord record = recorded(tx);
            SignedEvidence acceptance = evidence(record, EvidenceType.SUBMISSION_ACCEPTANCE);

            save(tx, repository, acceptance);

            // The subscribers were asked by the package's sender and recipient (kz-mvd to ua-pgo)
            assertThat(asked).containsExactly("kz-mvd->ua-pgo");
            List<Row> rows = tx.inTransaction(c -> outbox.of(c, id(acceptance)));
            assertThat(rows).extracting(Row::partyId).containsExactly("kz-mvd", "ua-case");
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(State.PENDING);
                assertThat(r.attempts()).isZero();
                assertThat(r.nextAttemptAt()).isNull();
            });
            List<Due> due = tx.inTransaction(c -> outbox.due(c, T0, 10));
            assertThat(due).extracting(Due::partyId).containsExactly("kz-mvd", "ua-case");
            assertThat(due.get(0).signed()).isEqualTo(acceptance.signed());
            assertThat(due.get(0).packageId()).isEqualTo(record.packageId());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void saveEvidence_whoseNotificationCannotBeWritten_leavesNeitherEvidenceNorNotification(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            PackageRecord record = recorded(tx);
            SignedEvidence delivery = evidence(record, EvidenceType.DELIVERY);
            // A subscriber list naming a party twice breaks the outbox's (evidence, party) uniqueness
            PackageRepository broken = new PackageRepository((sender, recipient) -> List.of("kz-mvd", "kz-mvd"));

            assertThatThrownBy(() -> save(tx, broken, delivery)).isInstanceOf(CodedException.class);

            assertThat(evidences(tx, record.packageId())).isEmpty();
            assertThat(rows(tx, id(delivery))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void saveEvidence_listedUnderNoPackage_notifiesNobody(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            SignedEvidence rejection = evidence(PackageRepositoryTest.record(UUID.randomUUID()),
                    EvidenceType.SUBMISSION_REJECTION);

            tx.inTransaction(c -> {
                repository.saveEvidence(c, rejection, null);
                return null;
            });

            assertThat(asked).isEmpty();
            assertThat(rows(tx, id(rejection))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void attempted_retryIsDueOnlyFromItsTime_andDoneOrAbandonedAreNeverDueAgain(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            PackageRecord record = recorded(tx);
            SignedEvidence relay = evidence(record, EvidenceType.RELAY_ACCEPTANCE);
            save(tx, repository, relay);
            List<Due> first = tx.inTransaction(c -> outbox.due(c, T0, 10));

            tx.inTransaction(c -> {
                outbox.attempted(c, first.get(0), State.PENDING, T0.plusSeconds(10), "HTTP 503");
                outbox.attempted(c, first.get(1), State.DONE, T0, null);
                return null;
            });

            assertThat(due(tx, T0.plusSeconds(9))).isEmpty();
            List<Due> retry = tx.inTransaction(c -> outbox.due(c, T0.plusSeconds(10), 10));
            assertThat(retry).extracting(Due::partyId, Due::attempts).containsExactly(
                    tuple("kz-mvd", 1));
            tx.inTransaction(c -> {
                outbox.attempted(c, retry.get(0), State.ABANDONED, T0.plusSeconds(10), "HTTP 500");
                return null;
            });
            assertThat(due(tx, T0.plusSeconds(3600))).isEmpty();
            assertThat(rows(tx, id(relay)))
                    .extracting(Row::partyId, Row::state, Row::attempts, Row::lastError).containsExactly(
                            tuple("kz-mvd", State.ABANDONED, 2, "HTTP 500"),
                            tuple("ua-case", State.DONE, 1, null));
        }
    }

    /** Saves {@code evidence} under its package with {@code writer}, in a transaction of its own. */
    private static void save(Transactions tx, PackageRepository writer, SignedEvidence evidence) {
        tx.inTransaction(c -> {
            writer.saveEvidence(c, evidence);
            return null;
        });
    }

    private static PackageRecord recorded(Transactions tx) {
        PackageRecord record = PackageRepositoryTest.record(UUID.randomUUID());
        tx.inTransaction(c -> new PackageRepository().insert(c, record, "received"));
        return record;
    }

    private static SignedEvidence evidence(PackageRecord record, EvidenceType type) {
        return SIGNER.sign(SubmissionEvidences.about(record, type, T0, "evgw-test", record.submitter(),
                type.name().contains("REJECTION") ? "EGW-TEST-001" : null,
                type.name().contains("REJECTION") ? "refused for the test" : null, null));
    }

    private List<Row> rows(Transactions tx, UUID evidenceId) {
        return tx.inTransaction(c -> outbox.of(c, evidenceId));
    }

    private List<Due> due(Transactions tx, Instant now) {
        return tx.inTransaction(c -> outbox.due(c, now, 10));
    }

    private List<byte[]> evidences(Transactions tx, UUID packageId) {
        return tx.inTransaction(c -> repository.evidences(c, packageId));
    }

    private static UUID id(SignedEvidence evidence) {
        return evidence.statement().evidenceId();
    }
}
