package org.evidencegateway.audit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tree hashes and both proofs against the published vectors of {@link ReferenceVectors}, and their corruptions. */
class ProofsTest {
    private static final byte[] SOME_HASH = LogHashes.fromHex(
            "abacaba000000000000000000000000000000000000000000060061e00123456");

    @Test
    void leafHashes_matchPublishedLevelZeroNodes() {
        for (int i = 0; i < 8; i++) {
            assertThat(LogHashes.hex(LogHashes.leaf(ReferenceVectors.LEAVES.get(i))))
                    .as("leaf %d", i).isEqualTo(LogHashes.hex(ReferenceVectors.NODES.get(0).get(i)));
        }
    }

    @Test
    void compactRange_rootOfEveryTreeSizeMatchesPublishedRoot_andEveryCompleteNodeMatchesPublishedNode() {
        Map<String, byte[]> completed = new HashMap<>();
        CompactRange range = new CompactRange((level, index, hash) -> completed.put(level + "/" + index, hash));
        assertThat(LogHashes.hex(range.root())).isEqualTo(LogHashes.hex(ReferenceVectors.ROOTS.get(0)));
        for (int n = 1; n <= 8; n++) {
            range.append(LogHashes.leaf(ReferenceVectors.LEAVES.get(n - 1)));
            assertThat(LogHashes.hex(range.root())).as("root of size %d", n)
                    .isEqualTo(LogHashes.hex(ReferenceVectors.ROOTS.get(n)));
        }
        for (int level = 0; level < ReferenceVectors.NODES.size(); level++) {
            for (int index = 0; index < ReferenceVectors.NODES.get(level).size(); index++) {
                assertThat(LogHashes.hex(completed.get(level + "/" + index))).as("node %d/%d", level, index)
                        .isEqualTo(LogHashes.hex(ReferenceVectors.NODES.get(level).get(index)));
            }
        }
        assertThat(completed).hasSize(15);
    }

    @Test
    void builder_rootOfEveryTreeSizeMatchesPublishedRoot() {
        ProofBuilder builder = new ProofBuilder(ReferenceVectors.nodes());
        for (int n = 0; n <= 8; n++) {
            assertThat(LogHashes.hex(builder.root(n))).as("size %d", n)
                    .isEqualTo(LogHashes.hex(ReferenceVectors.ROOTS.get(n)));
        }
    }

    static Stream<ReferenceVectors.Inclusion> inclusionVectors() {
        return ReferenceVectors.INCLUSION.stream();
    }

    static Stream<ReferenceVectors.Consistency> consistencyVectors() {
        return ReferenceVectors.CONSISTENCY.stream();
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void inclusion_builtProofEqualsPublishedProof_andVerifies(ReferenceVectors.Inclusion v) throws ProofException {
        List<byte[]> built = new ProofBuilder(ReferenceVectors.nodes()).inclusion(v.leafIndex(), v.treeSize());

        assertThat(hex(built)).isEqualTo(hex(v.proof()));
        Proofs.verifyInclusion(v.leafIndex(), v.treeSize(), leafHash(v.leafIndex()), v.proof(),
                ReferenceVectors.ROOTS.get((int) v.treeSize()));
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void inclusion_rejectsEveryCorruptionOfAPublishedProof(ReferenceVectors.Inclusion v) {
        long m = v.leafIndex();
        long n = v.treeSize();
        byte[] root = ReferenceVectors.ROOTS.get((int) n);
        byte[] leaf = leafHash(m);
        List<byte[]> p = v.proof();
        Map<String, Runnable> probes = new java.util.LinkedHashMap<>();
        probes.put("leaf index - 1", expectFailure(() -> Proofs.verifyInclusion(m - 1, n, leaf, p, root)));
        probes.put("leaf index + 1", expectFailure(() -> Proofs.verifyInclusion(m + 1, n, leaf, p, root)));
        probes.put("leaf index ^ 2", expectFailure(() -> Proofs.verifyInclusion(m ^ 2, n, leaf, p, root)));
        probes.put("tree size * 2", expectFailure(() -> Proofs.verifyInclusion(m, n * 2, leaf, p, root)));
        probes.put("tree size / 2", expectFailure(() -> Proofs.verifyInclusion(m, n / 2, leaf, p, root)));
        probes.put("wrong leaf", expectFailure(() -> Proofs.verifyInclusion(m, n, SOME_HASH, p, root)));
        probes.put("empty root", expectFailure(() -> Proofs.verifyInclusion(m, n, leaf, p, LogHashes.emptyRoot())));
        probes.put("random root", expectFailure(() -> Proofs.verifyInclusion(m, n, leaf, p, SOME_HASH)));
        probes.put("trailing root", expectFailure(() -> Proofs.verifyInclusion(m, n, leaf, append(p, root), root)));
        probes.put("preceding root", expectFailure(() -> Proofs.verifyInclusion(m, n, leaf, prepend(p, root), root)));
        probes.put("trailing garbage", expectFailure(() -> Proofs.verifyInclusion(m, n, leaf,
                append(p, new byte[0]), root)));
        for (int i = 0; i < p.size(); i++) {
            List<byte[]> flipped = flipBit(p, i, 8);
            probes.put("modified proof[" + i + "]", expectFailure(() -> Proofs.verifyInclusion(m, n, leaf, flipped, root)));
        }
        if (!p.isEmpty()) {
            probes.put("removed component", expectFailure(() -> Proofs.verifyInclusion(m, n, leaf,
                    p.subList(0, p.size() - 1), root)));
        }
        probes.forEach((name, probe) -> assertThatCode(probe::run).as(name).doesNotThrowAnyException());
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void consistency_builtProofEqualsPublishedProof_andVerifies(ReferenceVectors.Consistency v) throws ProofException {
        List<byte[]> built = new ProofBuilder(ReferenceVectors.nodes()).consistency(v.size1(), v.size2());

        assertThat(hex(built)).isEqualTo(hex(v.proof()));
        Proofs.verifyConsistency(v.size1(), v.size2(), v.proof(), ReferenceVectors.ROOTS.get((int) v.size1()),
                ReferenceVectors.ROOTS.get((int) v.size2()));
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void consistency_rejectsEveryCorruptionOfAPublishedProof(ReferenceVectors.Consistency v) {
        long m = v.size1();
        long n = v.size2();
        List<byte[]> p = v.proof();
        if (p.isEmpty()) {
            return; // the trivial vector (1, 1) has nothing to corrupt; its rejections are in consistency_edgeCases
        }
        byte[] r1 = ReferenceVectors.ROOTS.get((int) m);
        byte[] r2 = ReferenceVectors.ROOTS.get((int) n);
        Map<String, Runnable> probes = new java.util.LinkedHashMap<>();
        probes.put("size1 - 1", expectFailure(() -> Proofs.verifyConsistency(m - 1, n, p, r1, r2)));
        probes.put("size1 + 1", expectFailure(() -> Proofs.verifyConsistency(m + 1, n, p, r1, r2)));
        probes.put("size1 ^ 2", expectFailure(() -> Proofs.verifyConsistency(m ^ 2, n, p, r1, r2)));
        probes.put("size2 * 2", expectFailure(() -> Proofs.verifyConsistency(m, n * 2, p, r1, r2)));
        probes.put("size2 / 2", expectFailure(() -> Proofs.verifyConsistency(m, n / 2, p, r1, r2)));
        probes.put("wrong root1", expectFailure(() -> Proofs.verifyConsistency(m, n, p, SOME_HASH, r2)));
        probes.put("wrong root2", expectFailure(() -> Proofs.verifyConsistency(m, n, p, r1, SOME_HASH)));
        probes.put("swapped roots", expectFailure(() -> Proofs.verifyConsistency(m, n, p, r2, r1)));
        probes.put("empty proof", expectFailure(() -> Proofs.verifyConsistency(m, n, List.of(), r1, r2)));
        probes.put("trailing root1", expectFailure(() -> Proofs.verifyConsistency(m, n, append(p, r1), r1, r2)));
        probes.put("trailing root2", expectFailure(() -> Proofs.verifyConsistency(m, n, append(p, r2), r1, r2)));
        probes.put("preceding root1", expectFailure(() -> Proofs.verifyConsistency(m, n, prepend(p, r1), r1, r2)));
        probes.put("preceding proof[0]", expectFailure(() -> Proofs.verifyConsistency(m, n, prepend(p, p.get(0)),
                r1, r2)));
        probes.put("truncated proof", expectFailure(() -> Proofs.verifyConsistency(m, n, p.subList(0, p.size() - 1),
                r1, r2)));
        for (int i = 0; i < p.size(); i++) {
            List<byte[]> flipped = flipBit(p, i, 16);
            probes.put("modified proof[" + i + "]", expectFailure(() -> Proofs.verifyConsistency(m, n, flipped, r1, r2)));
        }
        probes.forEach((name, probe) -> assertThatCode(probe::run).as(name).doesNotThrowAnyException());
    }

    @Test
    void consistency_edgeCases_asInThePublishedSuite() {
        byte[] a = "don't care 1".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "don't care 2".getBytes(StandardCharsets.US_ASCII);
        byte[] empty = LogHashes.emptyRoot();
        assertThatCode(() -> Proofs.verifyConsistency(0, 0, List.of(), a, a)).doesNotThrowAnyException();
        assertThatCode(() -> Proofs.verifyConsistency(0, 1, List.of(), a, b)).doesNotThrowAnyException();
        assertThatCode(() -> Proofs.verifyConsistency(1, 1, List.of(), b, b)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Proofs.verifyConsistency(0, 0, List.of(), a, b)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> Proofs.verifyConsistency(1, 1, List.of(), a, b)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> Proofs.verifyConsistency(1, 0, List.of(), a, b)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> Proofs.verifyConsistency(2, 1, List.of(), a, b)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> Proofs.verifyConsistency(1, 2, List.of(), a, b)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> Proofs.verifyConsistency(0, 1, List.of(empty), empty, empty))
                .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> Proofs.verifyConsistency(1, 1, List.of(empty), empty, empty))
                .isInstanceOf(ProofException.class);
    }

    @Test
    void everyInclusionAndConsistencyProofOfTheReferenceTree_verifiesAgainstPublishedRoots() throws ProofException {
        ProofBuilder builder = new ProofBuilder(ReferenceVectors.nodes());
        for (int n = 1; n <= 8; n++) {
            for (int m = 0; m < n; m++) {
                Proofs.verifyInclusion(m, n, leafHash(m), builder.inclusion(m, n), ReferenceVectors.ROOTS.get(n));
            }
            for (int m = 0; m <= n; m++) {
                Proofs.verifyConsistency(m, n, builder.consistency(m, n), ReferenceVectors.ROOTS.get(m),
                        ReferenceVectors.ROOTS.get(n));
            }
        }
    }

    @Test
    void largerTree_proofsFromCompactRangeNodesVerify() throws ProofException {
        Map<String, byte[]> nodes = new HashMap<>();
        CompactRange range = new CompactRange((level, index, hash) -> nodes.put(level + "/" + index, hash));
        List<byte[]> roots = new ArrayList<>(List.of(range.root()));
        for (int i = 0; i < 300; i++) {
            range.append(LogHashes.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)));
            roots.add(range.root());
        }
        ProofBuilder builder = new ProofBuilder((level, index) -> nodes.get(level + "/" + index));
        for (int n = 1; n <= 300; n += 7) {
            assertThat(builder.root(n)).isEqualTo(roots.get(n));
            for (int m = 0; m < n; m += 5) {
                Proofs.verifyInclusion(m, n, nodes.get("0/" + m), builder.inclusion(m, n), roots.get(n));
                Proofs.verifyConsistency(m, n, builder.consistency(m, n), roots.get(m), roots.get(n));
            }
        }
    }

    /** A check that passes only if the call throws a {@link ProofException}. */
    private static Runnable expectFailure(ThrowingCall call) {
        return () -> assertThatThrownBy(call::run).isInstanceOf(ProofException.class);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static byte[] leafHash(long index) {
        return LogHashes.leaf(ReferenceVectors.LEAVES.get((int) index));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(LogHashes::hex).toList();
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] hash) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(hash);
        return out;
    }

    private static List<byte[]> prepend(List<byte[]> proof, byte[] hash) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(0, hash);
        return out;
    }

    private static List<byte[]> flipBit(List<byte[]> proof, int element, int mask) {
        List<byte[]> out = new ArrayList<>(proof);
        byte[] changed = out.get(element).clone();
        changed[0] ^= (byte) mask;
        out.set(element, changed);
        return out;
    }
}
