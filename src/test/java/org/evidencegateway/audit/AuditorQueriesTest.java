package org.evidencegateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.Proofs;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.store.Transactions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the auditor API answers, on H2 and PostgreSQL: pages of entries as stored, proofs that verify against the
 * signed roots and cost O(log n) node reads, and coded refusals of bad ranges.
 */
class AuditorQueriesTest {
    private static final int ENTRIES = 1000;

    /** Queries over {@code ledger} whose node reads are counted. */
    private static AuditorQueries counting(TestLedger ledger, AtomicInteger nodeReads) {
        DataSource counted = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(ledger.db, method, args);
                    return method.getName().equals("getConnection") ? countingConnection((Connection) result, nodeReads)
                            : result;
                });
        return new AuditorQueries(new Transactions(counted), LedgerKeys.shared().signer());
    }

    private static Connection countingConnection(Connection real, AtomicInteger nodeReads) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && ((String) args[0]).contains("FROM audit_nodes")) {
                        nodeReads.incrementAndGet();
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest
    @MethodSource("org.evidencegateway.store.TestDatabases#all")
    void proofs_verifyAgainstTheCheckpoint_andCostLogarithmicallyManyNodeReads(TestDatabases.Kind kind) {
        try (TestLedger ledger = new TestLedger(kind)) {
            ledger.append(ENTRIES);
            ledger.scheduler.issueNow();
            AtomicInteger reads = new AtomicInteger();
            AuditorQueries queries = counting(ledger, reads);
            AuditorQueries.CheckpointView checkpoint = queries.latestCheckpoint();
            byte[] root = LogHashes.fromHex(checkpoint.rootHash());
            int bound = 2 * (64 - Long.numberOfLeadingZeros(ENTRIES)) + 2;

            for (long leaf : List.of(0L, 1L, 511L, 512L, 777L, ENTRIES - 1L)) {
                reads.set(0);
                AuditorQueries.InclusionProof proof = queries.inclusion(leaf, null);
                assertThat(reads.get()).as("node reads for leaf " + leaf).isBetween(1, bound);
                String entry = queries.entries(leaf, leaf + 1).entries().get(0);
                assertThat(proof.leafHash()).isEqualTo(LogHashes.hex(LogHashes.leaf(entry.getBytes(StandardCharsets.UTF_8))));
                assertThat(verifiesInclusion(proof, root)).isTrue();
            }
            reads.set(0);
            AuditorQueries.ConsistencyProof consistency = queries.consistency(333, null);
            assertThat(reads.get()).isBetween(1, 3 * bound);
            assertThat(verifiesConsistency(consistency, root)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.evidencegateway.store.TestDatabases#all")
    void entries_areAPageOfStoredEntries_andBadRangesAreCoded(TestDatabases.Kind kind) {
        try (TestLedger ledger = new TestLedger(kind)) {
            ledger.append(12);
            AuditorQueries queries = new AuditorQueries(ledger.tx, LedgerKeys.shared().signer());

            AuditorQueries.EntryPage page = queries.entries(3, 7);

            assertThat(page.treeSize()).isEqualTo(12);
            assertThat(page.entries()).hasSize(4).allMatch(e -> e.startsWith("{\"actor\":\"kz-mvd\""));
            assertThat(page.entries().get(0)).contains("\"seq\":3");
            assertThat(page.leafHashes()).hasSize(4);
            assertCoded(() -> queries.entries(7, 7), "end must be greater than start 7");
            assertCoded(() -> queries.entries(0, 13), "at most the tree size 12");
            assertCoded(() -> queries.entries(-1, 3), "start must be at least 0, found -1");
            assertCoded(() -> queries.inclusion(12, 12L), "leafIndex must be at least 0 and less than the tree size 12");
            assertCoded(() -> queries.consistency(5, 13L), "to must be a tree size from 0 to the current 12, found 13");
            assertThatThrownBy(() -> queries.inclusion(0, null)).isInstanceOf(CodedException.class)
                    .hasMessageContaining("no checkpoint yet")
                    .satisfies(e -> assertThat(((CodedException) e).code()).isEqualTo(ErrorCode.AUDIT_NOT_COVERED));
        }
    }

    private static void assertCoded(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(CodedException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((CodedException) e).code()).isEqualTo(ErrorCode.AUDIT_BAD_RANGE));
    }

    private static boolean verifiesInclusion(AuditorQueries.InclusionProof proof, byte[] root) {
        try {
            Proofs.verifyInclusion(proof.leafIndex(), proof.treeSize(), LogHashes.fromHex(proof.leafHash()),
                    proof.inclusionProof().stream().map(LogHashes::fromHex).toList(), root);
            return true;
        } catch (org.evidencegateway.audit.format.ProofException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static boolean verifiesConsistency(AuditorQueries.ConsistencyProof proof, byte[] root) {
        try {
            Proofs.verifyConsistency(proof.from(), proof.to(), proof.consistencyProof().stream()
                    .map(LogHashes::fromHex).toList(), LogHashes.fromHex(proof.fromRootHash()), root);
            return true;
        } catch (org.evidencegateway.audit.format.ProofException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
