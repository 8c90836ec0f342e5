package org.evidencegateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Dead letters as text for an operator's terminal. */
final class DlqText {
    private DlqText() {
    }

    /** One line: package, destination, case, sender, status, last error, when, attempts. */
    static void line(JsonNode l, PrintWriter out) {
        out.printf("%s  %-10s case %-16s from %-8s %-15s %s at %s after %d attempt(s): %s%n",
                l.path("packageId").asText(), l.path("destination").asText(), l.path("caseReference").asText(),
                l.path("sender").asText(), l.path("status").asText(), l.path("lastErrorCode").asText("-"),
                l.path("deadLetteredAt").asText("-"), l.path("attempts").asInt(), l.path("lastErrorReason").asText("-"));
    }

    /** The dead letter's line, then its package's timeline and evidences. */
    static void detail(JsonNode answer, PrintWriter out) {
        line(answer.path("deadLetter"), out);
        out.println("timeline:");
        answer.path("timeline").forEach(e -> out.printf("  %s  %-15s %s%n", e.path("time").asText(),
                e.path("status").asText(), e.path("detail").asText("")));
        out.println("evidences:");
        answer.path("evidences").forEach(e -> out.printf("  %s  %-18s %s%s%n", e.path("eventTime").asText(),
                e.path("evidenceType").asText(), e.path("evidenceId").asText(),
                e.hasNonNull("reasonCode") ? "  " + e.path("reasonCode").asText() : ""));
    }
}
