package org.evidencegateway.auditor;

import java.time.Instant;
import java.util.Optional;
import org.evidencegateway.audit.format.Checkpoint;

/**
 * A checkpoint whose signature verified, with the time its timestamp vouches for (empty if it has none).
 */
record CheckedCheckpoint(Checkpoint checkpoint, Optional<Instant> timestampedAt) {
    long treeSize() {
        return checkpoint.treeSize();
    }
}
