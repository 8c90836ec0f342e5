package org.evidencegateway.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A checkpoint as the gateway stored it, with its RFC 3161 response if it has one yet.
 *
 * @param note              the signed note text, exactly as issued
 * @param timeStampResponse the DER TimeStampResp; empty while the checkpoint is pending
 */
public record StoredCheckpoint(long treeSize, Instant issuedAt, String rootHashHex, String note,
                               Optional<byte[]> timeStampResponse) {
}
