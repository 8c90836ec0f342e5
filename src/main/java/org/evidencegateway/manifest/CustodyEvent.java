package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** One link of an evidence file's chain of custody: who handed it to whom, when, and what was done. */
@JsonPropertyOrder({"time", "from", "to", "action"})
public record CustodyEvent(Instant time, String from, String to, String action) {
}
