package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** How an evidence file was obtained: tool, time, who, and the seal of the original carrier ({@code null} if none). */
@JsonPropertyOrder({"tool", "time", "by", "sealId"})
public record Acquisition(String tool, Instant time, String by, String sealId) {
}
