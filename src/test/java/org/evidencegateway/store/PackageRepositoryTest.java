package org.evidencegateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PackageRepositoryTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private final PackageRepository repository = new PackageRepository();

    static PackageRecord record(UUID id) {
        return new PackageRecord(id, "ab".repeat(32), 1234, "cd".repeat(32), "EVIDENCE", "KZ-TEST-0001", "kz-mvd",
                "kz-mvd", "ua-pgo", PackageStatus.RECEIVED, T0, id + ".p7m");
    }

    static java.util.stream.Stream<TestDatabases.Kind> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void insert_thenFind_returnsTheSameRecord_andRefusesASecondInsertOfTheSameId(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            UUID id = UUID.randomUUID();

            boolean first = tx.inTransaction(c -> repository.insert(c, record(id), "received"));
            boolean second = tx.inTransaction(c -> repository.insert(c, record(id), "received again"));

            assertThat(first).isTrue();
            assertThat(second).isFalse();
            Optional<PackageRecord> found = tx.inTransaction(c -> repository.find(c, id));
            List<PackageEvent> timeline = tx.inTransaction(c -> repository.timeline(c, id));
            assertThat(found).contains(record(id));
            assertThat(timeline).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void advanceStatus_appendsToTheTimeline_inOrder(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            UUID id = UUID.randomUUID();
            tx.inTransaction(c -> repository.insert(c, record(id), "received"));

            tx.inTransaction(c -> {
                repository.advanceStatus(c, id, PackageStatus.ACCEPTED, T0.plusSeconds(1), "queued for kz-case");
                return null;
            });

            Optional<PackageRecord> found = tx.inTransaction(c -> repository.find(c, id));
            List<PackageEvent> timeline = tx.inTransaction(c -> repository.timeline(c, id));
            List<PackageRecord> stillReceived = tx.inTransaction(c -> repository.withStatus(c, PackageStatus.RECEIVED));
            assertThat(found).get().extracting(PackageRecord::status).isEqualTo(PackageStatus.ACCEPTED);
            assertThat(timeline).extracting(PackageEvent::status)
                    .containsExactly(PackageStatus.RECEIVED, PackageStatus.ACCEPTED);
            assertThat(stillReceived).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void advanceStatus_neverMovesBack_butRecordsTheStepInTheTimeline(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            // Given a package whose delivery began before ingest recorded its acceptance
            Transactions tx = new Transactions(db);
            UUID id = UUID.randomUUID();
            tx.inTransaction(c -> repository.insert(c, record(id), "received"));
            boolean delivering = tx.inTransaction(c -> repository.advanceStatus(c, id, PackageStatus.DELIVERING,
                    T0.plusSeconds(1), "taken from the queue of ua-case"));

            // When ingest records the acceptance late
            boolean accepted = tx.inTransaction(c -> repository.advanceStatus(c, id, PackageStatus.ACCEPTED,
                    T0.plusSeconds(2), "queued for ua-case"));

            // Then the status stays DELIVERING, and the timeline holds both steps
            assertThat(delivering).isTrue();
            assertThat(accepted).isFalse();
            Optional<PackageRecord> found = tx.inTransaction(c -> repository.find(c, id));
            List<PackageEvent> timeline = tx.inTransaction(c -> repository.timeline(c, id));
            assertThat(found).get().extracting(PackageRecord::status).isEqualTo(PackageStatus.DELIVERING);
            assertThat(timeline).extracting(PackageEvent::status)
                    .containsExactly(PackageStatus.RECEIVED, PackageStatus.DELIVERING, PackageStatus.ACCEPTED);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failedTransaction_leavesNoTrace(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            Transactions tx = new Transactions(db);
            UUID id = UUID.randomUUID();

            try {
                tx.inTransaction(c -> {
                    repository.insert(c, record(id), "received");
                    throw new IllegalStateException("crash before commit");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back
            }

            Optional<PackageRecord> found = tx.inTransaction(c -> repository.find(c, id));
            assertThat(found).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reopenDelivery_returnsOnlyAFailedDeliveryToDelivering_andRecordsTheStep(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            // Given a package whose delivery failed, and one that was delivered
            Transactions tx = new Transactions(db);
            UUID failed = UUID.randomUUID();
            UUID delivered = UUID.randomUUID();
            for (UUID id : List.of(failed, delivered)) {
                tx.inTransaction(c -> repository.insert(c, record(id), "received"));
            }
            tx.inTransaction(c -> repository.advanceStatus(c, failed, PackageStatus.DELIVERY_FAILED, T0.plusSeconds(1),
                    "not delivered"));
            tx.inTransaction(c -> repository.advanceStatus(c, delivered, PackageStatus.DELIVERED, T0.plusSeconds(1),
                    "delivered"));

            // When an operator's replay reopens both
            boolean reopened = tx.inTransaction(c -> repository.reopenDelivery(c, failed, T0.plusSeconds(2),
                    "dead letter replayed by gw-operator: fixed"));
            boolean notReopened = tx.inTransaction(c -> repository.reopenDelivery(c, delivered, T0.plusSeconds(2),
                    "dead letter replayed by gw-operator: fixed"));

            // Then only the failed one is DELIVERING again, with the step in its timeline
            assertThat(reopened).isTrue();
            assertThat(notReopened).isFalse();
            Optional<PackageRecord> reopenedRecord = tx.inTransaction(c -> repository.find(c, failed));
            List<PackageEvent> reopenedTimeline = tx.inTransaction(c -> repository.timeline(c, failed));
            Optional<PackageRecord> deliveredRecord = tx.inTransaction(c -> repository.find(c, delivered));
            List<PackageEvent> deliveredTimeline = tx.inTransaction(c -> repository.timeline(c, delivered));
            assertThat(reopenedRecord).get().extracting(PackageRecord::status).isEqualTo(PackageStatus.DELIVERING);
            assertThat(reopenedTimeline).extracting(PackageEvent::status)
                    .containsExactly(PackageStatus.RECEIVED, PackageStatus.DELIVERY_FAILED, PackageStatus.DELIVERING);
            assertThat(deliveredRecord).get().extracting(PackageRecord::status).isEqualTo(PackageStatus.DELIVERED);
            assertThat(deliveredTimeline).hasSize(2);
        }
    }

    void earlierUnfinishedOfCase_findsTheEarliestUndeliveredPackageOfTheSameCase_only(TestDatabases.Kind kind) {
        try (HikariDataSource db = TestDatabases.fresh(kind)) {
            // Given, in this order: a delivered package of the case, a delivering one, one of another case, one for
            // another recipient with the same case reference, and the package to deliver
            Transactions tx = new Transactions(db);
            UUID delivered = insert(tx, record(UUID.randomUUID()));
            UUID delivering = insert(tx, record(UUID.randomUUID()));
            insert(tx, withCase(record(UUID.randomUUID()), "ua-pgo", "KZ-TEST-0002"));
            insert(tx, withCase(record(UUID.randomUUID()), "ua-npu", "KZ-TEST-0001"));
            PackageRecord later = record(UUID.randomUUID());
            insert(tx, later);
            tx.inTransaction(c -> repository.advanceStatus(c, delivered, PackageStatus.DELIVERED, T0, "delivered"));
            tx.inTransaction(c -> repository.advanceStatus(c, delivering, PackageStatus.DELIVERING, T0, "taken"));

            // Then the later package waits for the delivering one, which waits for none
            assertThat(waitsFor(tx, later)).contains(delivering);
            assertThat(waitsFor(tx, record(delivering))).isEmpty();

            // And once it failed for good, the later package waits no longer
            tx.inTransaction(c -> repository.advanceStatus(c, delivering, PackageStatus.DELIVERY_FAILED, T0, "failed"));
            assertThat(waitsFor(tx, later)).isEmpty();
        }
    }

    private Optional<UUID> waitsFor(Transactions tx, PackageRecord r) {
        return tx.inTransaction(c -> repository.earlierUnfinishedOfCase(c, r));
    }

    private UUID insert(Transactions tx, PackageRecord r) {
        tx.inTransaction(c -> repository.insert(c, r, "received"));
        return r.packageId();
    }

    private static PackageRecord withCase(PackageRecord r, String recipient, String caseReference) {
        return new PackageRecord(r.packageId(), r.packageSha256(), r.packageSize(), r.manifestSha256(), r.kind(),
                caseReference, r.submitter(), r.sender(), recipient, r.status(), r.receivedAt(), r.storeRef());
    }
}
