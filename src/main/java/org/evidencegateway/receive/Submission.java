package org.evidencegateway.receive;

import java.nio.file.Path;
import java.time.Instant;
import org.evidencegateway.open.VerificationReport;
import org.evidencegateway.store.PackageRecord;
import org.evidencegateway.store.PackageStatus;

/**
 * One package on its way through ingest: who submitted it, where its bytes wait, and — as the stages pass — what
 * verification proved and what was recorded. Immutable; each stage returns the next state.
 *
 * @param submitter   the registered party behind the TLS client certificate
 * @param spooled     the uploaded bytes (null once committed to the store or discarded)
 * @param packageSha256 SHA-256 of the bytes exactly as received
 * @param receivedAt  when the upload completed
 * @param report      what opening proved (null until verified)
 * @param record      the stored record (null until registered)
 * @param duplicate   true if the same package with the same bytes was accepted before
 */
public record Submission(String submitter, Path spooled, String packageSha256, long packageSize, Instant receivedAt,
                         VerificationReport report, PackageRecord record, boolean duplicate) {

    static Submission received(String submitter, Path spooled, String sha256, long size, Instant at) {
        return new Submission(submitter, spooled, sha256, size, at, null, null, false);
    }

    /** A package recorded before a crash but never queued: it resumes after registration. */
    static Submission recovered(PackageRecord stored) {
        return new Submission(stored.submitter(), null, stored.packageSha256(), stored.packageSize(),
                stored.receivedAt(), null, stored, false);
    }

    Submission verified(VerificationReport verification) {
        return new Submission(submitter, spooled, packageSha256, packageSize, receivedAt, verification, null, false);
    }

    Submission registered(PackageRecord stored, boolean isDuplicate) {
        return new Submission(submitter, null, packageSha256, packageSize, receivedAt, report, stored, isDuplicate);
    }

    /** True when the package still has to be put on its destination's queue. */
    public boolean needsQueueing() {
        return record != null && record.status() == PackageStatus.RECEIVED;
    }
}
