package org.evidencegateway.audit.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The members of an entry that verification looks at (docs/audit-log.md §1): its sequence number and package.
 *
 * @param packageId null for entries not about one package
 */
public record EntryFields(long seq, String packageId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads an entry's text; fails if it is not a JSON object with an integer {@code seq}. */
    public static EntryFields parse(String entry) {
        JsonNode node;
        try {
            node = JSON.readTree(entry);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject() || !node.path("seq").isIntegralNumber()) {
            throw new IllegalArgumentException("not an audit entry (a JSON object with an integer seq)");
        }
        JsonNode packageId = node.get("packageId");
        return new EntryFields(node.get("seq").asLong(), packageId == null ? null : packageId.asText());
    }
}
