package org.evidencegateway.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.evidencegateway.audit.EmbeddedTsa;
import org.evidencegateway.audit.LedgerKeys;
import org.evidencegateway.audit.MutableClock;
import org.evidencegateway.audit.TestLedger;
import org.evidencegateway.audit.format.ExportLayout;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.NoteSignatureType;
import org.evidencegateway.audit.format.SignedNote;
import org.evidencegateway.audit.format.Checkpoint;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The independent verifier on real exports of a ledger on H2 and PostgreSQL: an untouched log verifies; every
 * kind of tampering a DBA could do in the database is detected and the first bad entry is named.
 */
class ExportVerifierTest {
    /** Checkpoints at 10, 20 and 30; entries 30..34 not yet covered. */
    private static final int ENTRIES = 35;

    @TempDir
    Path tmp;

    static Stream<TestDatabases.Kind> databases() {
        return TestDatabases.all();
    }

    private static AuditorTrust trust() {
        return new AuditorTrust(LedgerKeys.shared().gateway().certificate(), LedgerKeys.shared().root().certificate(),
                false);
    }

    private static TestLedger ledger(TestDatabases.Kind kind) {
        TestLedger ledger = new TestLedger(kind);
        ledger.appendAndTick(ENTRIES);
        return ledger;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verify_untouchedLog_verifiesEveryCheckpointAndTimestamp(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = ledger(kind)) {
            VerificationReport report = new ExportVerifier(trust()).verify(ledger.export(tmp));

            assertThat(report.problems()).isEmpty();
            assertThat(report.verified()).isTrue();
            assertThat(report.treeSize()).isEqualTo(ENTRIES);
            assertThat(report.checkpoints()).isEqualTo(3);
            assertThat(report.timestamped()).isEqualTo(3);
            assertThat(report.notes()).anyMatch(n -> n.contains("entries 30..34 are not covered"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verify_namesAnEntryChangedInTheDatabase(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = ledger(kind)) {
            ledger.tamper("audit_entries",
                    "UPDATE audit_entries SET entry_json = REPLACE(entry_json, 'kz-mvd', 'ua-npu') WHERE seq = 13");

            VerificationReport report = new ExportVerifier(trust()).verify(ledger.export(tmp));

            assertThat(report.verified()).isFalse();
            assertThat(report.firstBadEntry()).hasValue(13);
            assertThat(report.problems().get(0)).startsWith("entry 13 was changed: its leaf hash is")
                    .contains("the leaf hash that checkpoint 20 signs");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verify_namesAnEntryDeletedFromTheDatabase(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = ledger(kind)) {
            ledger.tamper("audit_entries", "DELETE FROM audit_entries WHERE seq = 7");

            VerificationReport report = new ExportVerifier(trust()).verify(ledger.export(tmp));

            assertThat(report.firstBadEntry()).hasValue(7);
            assertThat(report.problems().get(0)).startsWith("entry 7: line 8 of entries.jsonl holds seq 8, expected 7")
                    .contains("missing");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verify_namesEntriesReorderedInTheDatabase(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = ledger(kind)) {
            ledger.tamper("audit_entries",
                    "UPDATE audit_entries SET seq = -1 WHERE seq = 4",
                    "UPDATE audit_entries SET seq = 4 WHERE seq = 5",
                    "UPDATE audit_entries SET seq = 5 WHERE seq = -1");

            VerificationReport report = new ExportVerifier(trust()).verify(ledger.export(tmp));

            assertThat(report.firstBadEntry()).hasValue(4);
            assertThat(report.problems().get(0)).startsWith("entry 4: line 5 of entries.jsonl holds seq 5, expected 4");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verify_namesAnEntryInsertedIntoTheDatabase(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = ledger(kind)) {
            // the attacker makes room at 15 and writes a forged entry there, with a consistent seq member
            ledger.tamper("audit_entries",
                    "UPDATE audit_entries SET seq = seq + 1000 WHERE seq >= 15",
                    "UPDATE audit_entries SET seq = seq - 999 WHERE seq >= 1000",
                    "INSERT INTO audit_entries (seq, event_time, event_type, package_id, entry_json) VALUES (15, "
                            + "TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:15+00', 'PACKAGE_DELIVERED', NULL, "
                            + "'{\"actor\":\"ua-case\",\"details\":{},\"seq\":15,\"time\":\"2026-03-01T10:00:15Z\","
                            + "\"type\":\"PACKAGE_DELIVERED\"}')");

            VerificationReport report = new ExportVerifier(trust()).verify(ledger.export(tmp));

            assertThat(report.firstBadEntry()).hasValue(15);
            assertThat(report.problems()).anyMatch(p -> p.startsWith("entry 15 was changed"))
                    .anyMatch(p -> p.startsWith("entry 16: line 17 of entries.jsonl holds seq 15"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verify_namesTheRange_whenTheTreeWasRewrittenToo(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = ledger(kind)) {
            ledger.tamper("audit_entries",
                    "UPDATE audit_entries SET entry_json = REPLACE(entry_json, 'kz-mvd', 'ua-npu') WHERE seq = 13");
            String forgedLeaf = LogHashes.hex(LogHashes.leaf(ledger.tx.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT entry_json FROM audit_entries WHERE seq = 13")) {
                    rs.next();
                    return rs.getString(1);
                }
            }).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ledger.tamper("audit_nodes", "UPDATE audit_nodes SET hash = '" + forgedLeaf + "' WHERE level = 0 AND idx = 13");

            VerificationReport report = new ExportVerifier(trust()).verify(ledger.export(tmp));

            assertThat(report.firstBadEntry()).hasValue(10);
            assertThat(report.problems().get(0)).startsWith("entries 10..19: at least one was changed")
                    .contains("checkpoint 10 still matches");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verify_detectsACheckpointWithAForgedSignature(TestDatabases.Kind kind) throws Exception {
        try (TestLedger ledger = ledger(kind)) {
            // a forger re-signs checkpoint 20 with its own P-256 key under the gateway's name
            Path dir = ledger.export(tmp);
            SignedNote genuine = SignedNote.parse(Files.readString(ExportLayout.note(dir, 20)));
            Checkpoint checkpoint = Checkpoint.parse(genuine.body());
            var forger = LedgerKeys.shared().forger();
            var forged = NoteSignatureType.DEFAULT.sign(checkpoint.origin(), forger.privateKey(),
                    forger.certificate().getPublicKey(), checkpoint.bodyBytes());
            String forgedNote = new SignedNote(genuine.body(), List.of(forged)).text();
            ledger.tamper("audit_checkpoints",
                    "UPDATE audit_checkpoints SET note = '" + forgedNote + "' WHERE tree_size = 20");

            VerificationReport report = new ExportVerifier(trust()).verify(ledger.export(tmp.resolve("again")));

            assertThat(report.verified()).isFalse();
            assertThat(report.problems()).anyMatch(p -> p.startsWith("checkpoint 20: checkpoint of tree size 20 carries no "
                    + "signature by " + LedgerKeys.ORIGIN));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verify_namesACheckpointTimestampedBeforeASmallerOne(TestDatabases.Kind kind) throws Exception {
        // Given a TSA whose clock is set back an hour between the checkpoints of tree size 10 and 20
        MutableClock tsaClock = new MutableClock(TestPki.NOW);
        try (TestLedger ledger = new TestLedger(kind, new EmbeddedTsa(LedgerKeys.shared().tsa(), tsaClock), 10)) {
            ledger.appendAndTick(10);
            tsaClock.advance(Duration.ofHours(-1));
            ledger.appendAndTick(10);

            VerificationReport report = new ExportVerifier(trust()).verify(ledger.export(tmp));

            // Then every signature and proof holds, but the time order does not
            assertThat(report.verified()).isFalse();
            assertThat(report.problems()).singleElement().asString().startsWith("checkpoint 20: timestamped at "
                    + TestPki.NOW.minus(Duration.ofHours(1))).contains("before checkpoint 10 of a smaller tree");
        }
    }
}
