package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/** How urgent a package is; reason and requested-by date are {@code null} when absent and required when URGENT. */
@JsonPropertyOrder({"level", "reason", "requestedBy"})
public record Urgency(UrgencyLevel level, String reason, LocalDate requestedBy) {

    /** Normal handling, no reason or date. */
    public static Urgency normal() {
        return new Urgency(UrgencyLevel.NORMAL, null, null);
    }

    /** Urgent handling for the given reason, to be executed by the given date. */
    public static Urgency urgent(String reason, LocalDate requestedBy) {
        return new Urgency(UrgencyLevel.URGENT, reason, requestedBy);
    }
}
