package org.evidencegateway.receive;

import java.time.Instant;
import java.util.UUID;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.store.PackageStatus;

/**
 * What a sender gets back for an accepted package: its id and status, the digest of the bytes received, and the
 * signed SubmissionAcceptance.
 *
 * @param duplicate true if this answers a repeated submission of an already accepted package
 */
public record Receipt(UUID packageId, PackageStatus status, Instant receivedAt, String packageSha256,
                      SignedEvidence evidence, boolean duplicate) {
}
