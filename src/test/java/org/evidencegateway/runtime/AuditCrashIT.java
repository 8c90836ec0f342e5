package org.evidencegateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.evidencegateway.auditor.VerificationReport;
import org.evidencegateway.open.TestPackages;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A crash between a state change and its audit entry's commit leaves them consistent (docs/audit-log.md §3): a
 * gateway in a JVM of its own is halted inside the transaction that writes a package's state and its entry (by a
 * test-only trigger, {@link HaltAfterEntry}); started again on the same folder, every package event has its entry
 * and every entry its event, the sequence numbers have no gap, and the log verifies independently.
 */
class AuditCrashIT {
    /** Package statuses (package_events) and the audit entry each is recorded with. */
    private static final Map<String, String> ENTRY_OF_STATUS = Map.of(
            "RECEIVED", "PACKAGE_RECEIVED", "ACCEPTED", "PACKAGE_QUEUED");

    @ParameterizedTest
    @ValueSource(strings = {"PACKAGE_RECEIVED", "PACKAGE_QUEUED"})
    void crashBeforeTheCommitOfAStateChangeAndItsEntry_leavesStateAndLogConsistent(String haltAfter,
                                                                                   @TempDir Path dir)
            throws Exception {
        AuditorClient auditor = new AuditorClient(dir.resolve("auditor"));
        TestGateway gateway = TestGateway.prepare(dir.resolve("gw"));
        UUID cut = UUID.randomUUID();
        byte[] cutPackage = TestPackages.valid().packageId(cut).build();
        try {
            // Given a gateway that accepted one package, armed to halt once the entry of `haltAfter` is inserted
            gateway.restartWith(auditor.gatewaySettings());
            assertThat(gateway.submit("kz-gpo", TestPackages.valid().build()).statusCode()).isEqualTo(202);
            new GatewayState(gateway).execute(HaltAfterEntry.create(haltAfter));
            gateway.stop();

            // When a gateway in a JVM of its own is halted in the middle of recording the next package
            try (ChildGateway child = ChildGateway.start(gateway, "256m")) {
                assertThatThrownBy(() -> gateway.submit("kz-gpo", cutPackage)).isInstanceOf(IOException.class);
                awaitHalted(child);
                assertThat(child.transcript()).contains("halting after inserting audit entry");
            }
            disarm(gateway, haltAfter);

            // Then, started again on the same folder, state and log agree, without a gap, and the log verifies
            gateway.restartWith(auditor.gatewaySettings());
            GatewayState state = new GatewayState(gateway);
            assertConsistent(state);

            // And the cut package, submitted again, is accepted and logged once per step
            HttpResponse<String> again = gateway.submit("kz-gpo", cutPackage);
            assertThat(again.statusCode()).as(again.body()).isIn(200, 202);
            assertConsistent(state);
            assertThat(entriesByPackage(state).get(cut.toString())).containsExactly("PACKAGE_RECEIVED", "PACKAGE_QUEUED");

            AuditorClient.awaitCheckpointOfWholeLog(gateway);
            VerificationReport report = auditor.verifyThroughApi(gateway, dir.resolve("copy"));
            assertThat(report.problems()).isEmpty();
            assertThat(report.treeSize()).isEqualTo(state.lastAuditSeq() + 1);
        } finally {
            gateway.close();
        }
    }

    private static void assertConsistent(GatewayState state) throws Exception {
        List<List<String>> seqs = state.rows("SELECT COUNT(*), COALESCE(MIN(seq), 0), COALESCE(MAX(seq), -1) "
                + "FROM audit_entries");
        assertThat(seqs.get(0)).as("count, first and last seq: no gap").containsExactly(
                seqs.get(0).get(0), "0", Long.toString(Long.parseLong(seqs.get(0).get(0)) - 1));
        Map<String, List<String>> fromEvents = new TreeMap<>();
        for (List<String> row : state.rows("SELECT package_id, status FROM package_events ORDER BY event_id")) {
            assertThat(ENTRY_OF_STATUS).as("status " + row.get(1)).containsKey(row.get(1));
            fromEvents.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(ENTRY_OF_STATUS.get(row.get(1)));
        }
        assertThat(entriesByPackage(state)).as("every package event has its entry and every entry its event")
                .isEqualTo(fromEvents);
        assertThat(state.rows("SELECT package_id FROM evidences WHERE evidence_type = 'SubmissionAcceptance' "
                + "ORDER BY package_id")).as("an acceptance evidence exactly for each PACKAGE_QUEUED entry")
                .isEqualTo(state.rows("SELECT package_id FROM audit_entries WHERE event_type = 'PACKAGE_QUEUED' "
                        + "ORDER BY package_id"));
    }

    private static Map<String, List<String>> entriesByPackage(GatewayState state) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (List<String> row : state.rows("SELECT package_id, event_type FROM audit_entries "
                + "WHERE event_type IN ('PACKAGE_RECEIVED', 'PACKAGE_QUEUED') ORDER BY seq")) {
            out.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(1));
        }
        return out;
    }

    private static void awaitHalted(ChildGateway child) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (child.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(child.isAlive()).as("the child halted:\n" + child.transcript()).isFalse();
    }

    /** Drops the trigger with the gateway down, straight on its H2 file, before this JVM opens it again. */
    private static void disarm(TestGateway gateway, String haltAfter) throws Exception {
        String url = "jdbc:h2:file:" + gateway.dataDir().resolve("db/gateway").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "evgw", ""); Statement s = c.createStatement()) {
            s.execute(HaltAfterEntry.drop(haltAfter));
        }
    }
}
