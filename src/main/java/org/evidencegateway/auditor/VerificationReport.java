package org.evidencegateway.auditor;

import java.util.List;
import java.util.OptionalLong;

/**
 * The verdict on an audit export or proof file.
 *
 * @param problems      every failed check, first bad entry first; empty if everything verifies
 * @param firstBadEntry the sequence number of the first entry found changed, missing, inserted or reordered
 * @param notes         facts worth knowing that are not failures (pending timestamps, uncovered entries, trust)
 */
public record VerificationReport(long treeSize, int checkpoints, int timestamped, List<String> problems,
                                 OptionalLong firstBadEntry, List<String> notes) {
    public VerificationReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean verified() {
        return problems.isEmpty();
    }

    /** Human-readable report, one fact per line. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(verified() ? "VERIFIED" : "FAILED").append(": ").append(treeSize).append(" entries, ")
                .append(checkpoints).append(" checkpoints (").append(timestamped).append(" timestamped)\n");
        firstBadEntry.ifPresent(seq -> out.append("first bad entry: ").append(seq).append('\n'));
        problems.forEach(p -> out.append("  problem: ").append(p).append('\n'));
        notes.forEach(n -> out.append("  note: ").append(n).append('\n'));
        return out.toString();
    }
}
