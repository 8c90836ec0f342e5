package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An agency sending or receiving a package: its country and its agency id, e.g. {@code UA} / {@code ua-pgo}. */
@JsonPropertyOrder({"country", "agency"})
public record Party(Country country, String agency) {
}
