package org.evidencegateway.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One evidence file of a package: its path in the inner ZIP, SHA-256 (lower-case hex), size in bytes, media type,
 * description, how it was acquired ({@code null} if not stated) and its chain of custody (oldest first).
 */
@JsonPropertyOrder({"path", "sha256", "size", "mediaType", "description", "acquisition", "custody"})
public record Item(String path, String sha256, long size, String mediaType, String description,
                   Acquisition acquisition, List<CustodyEvent> custody) {

    public Item {
        custody = custody == null ? List.of() : List.copyOf(custody);
    }
}
