package org.evidencegateway.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One audit entry before it is appended: what happened, when, to which package, who did it, and the digests and
 * codes that pin it down. Never evidence content or personal data.
 *
 * @param actor   the party (or operator) on whose behalf it happened
 * @param details further members (SHA-256s, parties, error code, reason), string values only
 */
public record AuditEvent(AuditEventType type, Instant time, UUID packageId, String actor,
                         Map<String, String> details) {
    public AuditEvent {
        details = Map.copyOf(details);
    }
}
