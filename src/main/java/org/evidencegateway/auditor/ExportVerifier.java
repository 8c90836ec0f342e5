package org.evidencegateway.auditor;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.evidencegateway.audit.format.EntryFields;
import org.evidencegateway.audit.format.ExportLayout;
import org.evidencegateway.audit.format.LogHashes;
import org.evidencegateway.audit.format.ProofException;
import org.evidencegateway.audit.format.Proofs;

/**
 * The independent verifier of an audit export (docs/audit-log.md §10): shares only the format definitions with
 * the gateway. Recomputes the tree from the entries, checks every checkpoint's signature and timestamp and the
 * consistency of successive checkpoints, and names the first bad entry and what is wrong with it.
 */
public final class ExportVerifier {
    private final AuditorTrust trust;

    public ExportVerifier(AuditorTrust trust) {
        this.trust = trust;
    }

    public VerificationReport verify(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (trust.fromEvidence()) {
            notes.add("trusting the certificates shipped in the export itself; give --gateway-cert and --tsa-root"
                    + " from an independent source to rule out a forged export");
        }
        ExportLayout.LogInfo info = new ObjectMapper().readValue(dir.resolve(ExportLayout.LOG).toFile(),
                ExportLayout.LogInfo.class);
        List<CheckedCheckpoint> checkpoints = checkpoints(dir, info.origin(), problems, notes);
        TreeReplay replay = new TreeReplay(checkpoints.stream().map(CheckedCheckpoint::treeSize).toList());
        OptionalLong structural = replay(dir, replay, problems);
        OptionalLong firstBad = compareRoots(checkpoints, replay, problems);
        if (structural.isPresent() && (firstBad.isEmpty() || structural.getAsLong() < firstBad.getAsLong())) {
            firstBad = structural;
        }
        checkConsistency(checkpoints, replay, problems);
        checkTimestampOrder(checkpoints, problems);
        long covered = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize();
        if (replay.size() > covered) {
            notes.add("entries " + covered + ".." + (replay.size() - 1) + " are not covered by a checkpoint yet");
        }
        if (replay.size() != info.treeSize()) {
            problems.add(ExportLayout.LOG + " announces " + info.treeSize() + " entries, " + ExportLayout.ENTRIES
                    + " holds " + replay.size());
        }
        int timestamped = (int) checkpoints.stream().filter(c -> c.timestampedAt().isPresent()).count();
        return new VerificationReport(replay.size(), checkpoints.size(), timestamped, problems, firstBad, notes);
    }

    private List<CheckedCheckpoint> checkpoints(Path dir, String origin, List<String> problems, List<String> notes)
            throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve(ExportLayout.CHECKPOINTS))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[0-9]+\\.note"))
                    .forEach(n -> sizes.add(Long.parseLong(n.substring(0, n.length() - 5))));
        }
        sizes.sort(null);
        CheckpointChecks checks = new CheckpointChecks(trust);
        List<CheckedCheckpoint> out = new ArrayList<>();
        for (long size : sizes) {
            String label = "checkpoint " + size;
            String note = Files.readString(ExportLayout.note(dir, size), StandardCharsets.UTF_8);
            Path tsr = ExportLayout.timestamp(dir, size);
            byte[] response = Files.exists(tsr) ? Files.readAllBytes(tsr) : null;
            Optional<CheckedCheckpoint> checked = checks.check(label, note, response, problems, notes);
            if (checked.isEmpty()) {
                continue;
            }
            if (checked.get().treeSize() != size) {
                problems.add(label + ": its file name says tree size " + size + ", the signed note says "
                        + checked.get().treeSize());
            } else if (!checked.get().checkpoint().origin().equals(origin)) {
                problems.add(label + ": origin " + checked.get().checkpoint().origin() + ", expected " + origin);
            } else {
                out.add(checked.get());
            }
        }
        return out;
    }

    /** Streams entries and claimed leaf hashes into the replay; returns the first structurally bad entry. */
    private static OptionalLong replay(Path dir, TreeReplay replay, List<String> problems) throws IOException {
        OptionalLong first = OptionalLong.empty();
        Path claimedFile = dir.resolve(ExportLayout.LEAF_HASHES);
        try (BufferedReader entries = Files.newBufferedReader(dir.resolve(ExportLayout.ENTRIES), StandardCharsets.UTF_8);
             BufferedReader claimed = Files.exists(claimedFile)
                     ? Files.newBufferedReader(claimedFile, StandardCharsets.US_ASCII) : null) {
            String line;
            while ((line = entries.readLine()) != null) {
                long index = replay.size();
                String problem = structuralProblem(index, line);
                if (problem != null && first.isEmpty()) {
                    problems.add(0, problem);
                    first = OptionalLong.of(index);
                }
                replay.append(LogHashes.leaf(line.getBytes(StandardCharsets.UTF_8)), claimedHash(claimed));
            }
        }
        return first;
    }

    private static String structuralProblem(long index, String line) {
        try {
            EntryFields fields = EntryFields.parse(line);
            if (fields.seq() == index) {
                return null;
            }
            String what = fields.seq() > index ? "an entry before it is missing (deleted), or the log was reordered"
                    : "it repeats or reorders an earlier entry (inserted or reordered)";
            return "entry " + index + ": line " + (index + 1) + " of " + ExportLayout.ENTRIES + " holds seq "
                    + fields.seq() + ", expected " + index + ": " + what;
        } catch (IllegalArgumentException e) {
            return "entry " + index + ": " + e.getMessage();
        }
    }

    private static byte[] claimedHash(BufferedReader claimed) throws IOException {
        String line = claimed == null ? null : claimed.readLine();
        try {
            return line == null ? null : LogHashes.fromHex(line.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Compares every checkpoint's signed root with the recomputed one; names the first bad entry. */
    private static OptionalLong compareRoots(List<CheckedCheckpoint> checkpoints, TreeReplay replay,
                                             List<String> problems) {
        long lastGood = 0;
        CheckedCheckpoint firstFailing = null;
        boolean claimedMatchesAll = true;
        for (CheckedCheckpoint c : checkpoints) {
            byte[] signed = c.checkpoint().rootHash();
            byte[] recomputed = replay.recomputedRoot(c.treeSize());
            if (recomputed == null) {
                problems.add("checkpoint " + c.treeSize() + " covers " + c.treeSize() + " entries, the export holds only "
                        + replay.size() + ": entries " + replay.size() + ".." + (c.treeSize() - 1) + " are missing");
                return OptionalLong.of(replay.size());
            }
            claimedMatchesAll &= MessageDigest.isEqual(signed, replay.claimedRoot(c.treeSize()));
            if (MessageDigest.isEqual(signed, recomputed)) {
                if (firstFailing == null) {
                    lastGood = c.treeSize();
                }
            } else if (firstFailing == null) {
                firstFailing = c;
            }
        }
        long mismatch = replay.firstLeafMismatch();
        if (firstFailing == null) {
            if (mismatch >= 0) {
                problems.add(leafProblem(mismatch, replay, "the gateway's tree"));
                return OptionalLong.of(mismatch);
            }
            return OptionalLong.empty();
        }
        long failing = firstFailing.treeSize();
        if (claimedMatchesAll && mismatch >= lastGood && mismatch < failing) {
            problems.add(leafProblem(mismatch, replay, "the leaf hash that checkpoint " + failing + " signs"));
            problems.add("checkpoint " + failing + ": root hash " + LogHashes.hex(firstFailing.checkpoint().rootHash())
                    + " signed, " + LogHashes.hex(replay.recomputedRoot(failing)) + " recomputed from the entries");
            return OptionalLong.of(mismatch);
        }
        problems.add("entries " + lastGood + ".." + (failing - 1) + ": at least one was changed, removed or inserted:"
                + " checkpoint " + failing + " signs root hash " + LogHashes.hex(firstFailing.checkpoint().rootHash())
                + ", the entries give " + LogHashes.hex(replay.recomputedRoot(failing))
                + (lastGood > 0 ? " (checkpoint " + lastGood + " still matches)" : ""));
        return OptionalLong.of(lastGood);
    }

    private static String leafProblem(long index, TreeReplay replay, String against) {
        byte[] claimed = replay.mismatchClaimed();
        return "entry " + index + " was changed: its leaf hash is " + LogHashes.hex(replay.mismatchRecomputed())
                + ", " + against + " is " + (claimed == null ? "missing" : LogHashes.hex(claimed));
    }

    /**
     * Timestamps never go back as the tree grows (pending ones are stamped oldest first, docs/audit-log.md §5): a
     * larger tree stamped before a smaller one was back-dated, or the smaller one stamped after the fact.
     */
    static void checkTimestampOrder(List<CheckedCheckpoint> checkpoints, List<String> problems) {
        CheckedCheckpoint previous = null;
        for (CheckedCheckpoint c : checkpoints) {
            if (c.timestampedAt().isEmpty()) {
                continue;
            }
            if (previous != null && c.timestampedAt().get().isBefore(previous.timestampedAt().get())) {
                problems.add("checkpoint " + c.treeSize() + ": timestamped at " + c.timestampedAt().get()
                        + ", before checkpoint " + previous.treeSize() + " of a smaller tree (timestamped at "
                        + previous.timestampedAt().get() + "): timestamps must not go back as the tree grows");
            }
            previous = c;
        }
    }

    /** Every checkpoint must extend the previous one: RFC 9162 consistency proof between their signed roots. */
    private static void checkConsistency(List<CheckedCheckpoint> checkpoints, TreeReplay replay, List<String> problems) {
        for (int i = 1; i < checkpoints.size(); i++) {
            CheckedCheckpoint a = checkpoints.get(i - 1);
            CheckedCheckpoint b = checkpoints.get(i);
            if (b.treeSize() > replay.size()) {
                return;
            }
            try {
                Proofs.verifyConsistency(a.treeSize(), b.treeSize(),
                        replay.proofs().consistency(a.treeSize(), b.treeSize()),
                        a.checkpoint().rootHash(), b.checkpoint().rootHash());
            } catch (ProofException e) {
                problems.add("checkpoints " + a.treeSize() + " and " + b.treeSize() + " are not consistent: "
                        + e.getMessage());
            }
        }
    }
}
