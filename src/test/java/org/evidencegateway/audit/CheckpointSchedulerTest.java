package org.evidencegateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evidencegateway.audit.format.Checkpoint;
import org.evidencegateway.audit.format.CheckpointVerifier;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.NoteSignatureType;
import org.evidencegateway.audit.format.TimestampVerifier;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointSchedulerTest {
    /** A TSA that can be switched off, as a network outage would. */
    static final class FlakyTsa implements TimestampAuthority {
        final AtomicBoolean reachable = new AtomicBoolean(true);
        private final EmbeddedTsa tsa = new EmbeddedTsa(LedgerKeys.shared().tsa(), new MutableClock(TestPki.NOW));

        @Override
        public byte[] exchange(byte[] request) throws IOException {
            if (!reachable.get()) {
                throw new IOException("connect timed out");
            }
            return tsa.exchange(request);
        }

        @Override
        public String name() {
            return "flaky";
        }
    }

    private static List<StoredCheckpoint> checkpoints(TestLedger ledger) {
        return ledger.tx.inTransaction(LedgerReader::checkpoints);
    }

    @Test
    void tick_issuesACheckpointEveryMaxEntries_beforeTheIntervalEnds() {
        try (TestLedger ledger = new TestLedger(TestDatabases.Kind.H2, new FlakyTsa(), 5)) {
            ledger.append(4);
            assertThat(ledger.scheduler.tick().issuedTreeSize()).isEmpty();

            ledger.append(1);
            CheckpointScheduler.Tick tick = ledger.scheduler.tick();

            assertThat(tick.issuedTreeSize()).contains(5L);
            assertThat(tick.timestamped()).isEqualTo(1);
            assertThat(checkpoints(ledger)).extracting(StoredCheckpoint::treeSize).containsExactly(5L);
        }
    }

    @Test
    void tick_issuesACheckpointWhenTheIntervalEnds_evenWithFewEntries_andNoneWhenNothingWasAppended() {
        try (TestLedger ledger = new TestLedger(TestDatabases.Kind.H2, new FlakyTsa(), 1000)) {
            ledger.append(2);
            ledger.clock.advance(Duration.ofSeconds(57));
            assertThat(ledger.scheduler.tick().issuedTreeSize()).as("59 s after start").isEmpty();

            ledger.clock.advance(Duration.ofSeconds(1));
            assertThat(ledger.scheduler.tick().issuedTreeSize()).as("60 s after start").contains(2L);

            ledger.clock.advance(Duration.ofMinutes(5));
            assertThat(ledger.scheduler.tick().issuedTreeSize()).as("nothing new to sign").isEmpty();
        }
    }

    @Test
    void checkpoint_isSignedByTheGatewayKey_andCommitsToTheStoredTree() throws Exception {
        try (TestLedger ledger = new TestLedger(TestDatabases.Kind.H2, new FlakyTsa(), 7)) {
            ledger.append(7);
            ledger.scheduler.tick();

            StoredCheckpoint stored = checkpoints(ledger).get(0);
            Checkpoint checkpoint = new CheckpointVerifier(LedgerKeys.ORIGIN,
                    LedgerKeys.shared().gateway().certificate().getPublicKey(), NoteSignatureType.DEFAULT)
                    .verify(stored.note());
            assertThat(checkpoint.treeSize()).isEqualTo(7);
            assertThat(LogHashes.hex(checkpoint.rootHash())).isEqualTo(stored.rootHashHex())
                    .isEqualTo(LogHashes.hex(JdbcAuditLogTest.recomputedRoot(ledger.tx, 7)));
            assertThat(stored.note()).startsWith(LedgerKeys.ORIGIN + "\n7\n")
                    .contains("\n\n\u2014 " + LedgerKeys.ORIGIN + " ");
        }
    }

    @Test
    void checkpoint_staysPendingWhileTheTsaIsUnreachable_andIsTimestampedOnALaterTick() throws Exception {
        FlakyTsa tsa = new FlakyTsa();
        try (TestLedger ledger = new TestLedger(TestDatabases.Kind.H2, tsa, 3)) {
            tsa.reachable.set(false);
            ledger.append(3);
            CheckpointScheduler.Tick offline = ledger.scheduler.tick();
            ledger.append(3);
            CheckpointScheduler.Tick stillOffline = ledger.scheduler.tick();

            assertThat(offline.issuedTreeSize()).as("issued although the TSA is down").contains(3L);
            assertThat(stillOffline.issuedTreeSize()).contains(6L);
            assertThat(stillOffline.stillPending()).isEqualTo(2);
            assertThat(checkpoints(ledger)).allMatch(c -> c.timeStampResponse().isEmpty());

            tsa.reachable.set(true);
            CheckpointScheduler.Tick online = ledger.scheduler.tick();

            assertThat(online.issuedTreeSize()).isEmpty();
            assertThat(online.timestamped()).isEqualTo(2);
            TimestampVerifier verifier = new TimestampVerifier(LedgerKeys.shared().root().certificate());
            for (StoredCheckpoint c : checkpoints(ledger)) {
                Optional<byte[]> response = c.timeStampResponse();
                assertThat(response).as("checkpoint %d", c.treeSize()).isPresent();
                assertThat(verifier.verify(response.get(), c.note().getBytes(StandardCharsets.UTF_8)))
                        .isEqualTo(TestPki.NOW);
            }
        }
    }


    @ParameterizedTest
    @MethodSource("org.evidencegateway.store.TestDatabases#all")
    void issueNow_twoIssuersRacingForOneTreeSize_issueOneCheckpointWithoutAClash(TestDatabases.Kind kind)
            throws Exception {
        try (TestLedger ledger = new TestLedger(kind, new FlakyTsa(), 1000)) {
            ledger.append(3);
            CheckpointScheduler other = new CheckpointScheduler(ledger.tx, LedgerKeys.shared().signer(),
                    new Timestamper(new FlakyTsa()), ledger.clock, Duration.ofSeconds(60), 1000);
            ExecutorService issuers = Executors.newFixedThreadPool(2);
            try (Connection appending = ledger.db.getConnection()) {
                // Given an append in progress: its transaction holds the append lock, its entry is not committed
                appending.setAutoCommit(false);
                ledger.log.append(appending, new AuditEvent(AuditEventType.PACKAGE_RECEIVED, TestPki.NOW,
                        new UUID(0x5eed, 99), "kz-mvd", Map.of()));

                // When two issuers (the scheduler and, say, `evgw audit prove`) issue at that moment
                Future<Long> first = issuers.submit(ledger.scheduler::issueNow);
                Future<Long> second = issuers.submit(other::issueNow);
                Thread.sleep(300);
                appending.commit();

                // Then both see the appended entry and one checkpoint of it exists: no clash on tree size
                assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(4L);
                assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(4L);
            } finally {
                issuers.shutdownNow();
            }
            assertThat(checkpoints(ledger)).extracting(StoredCheckpoint::treeSize).containsExactly(4L);
        }
    }
}
