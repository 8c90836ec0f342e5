package org.evidencegateway.store;

import java.time.Instant;
import java.util.UUID;

/** What the gateway keeps about one accepted package (never its content). */
public record PackageRecord(UUID packageId, String packageSha256, long packageSize, String manifestSha256,
                            String kind, String caseReference, String submitter, String sender, String recipient,
                            PackageStatus status, Instant receivedAt, String storeRef) {
    public PackageRecord withStatus(PackageStatus newStatus) {
        return new PackageRecord(packageId, packageSha256, packageSize, manifestSha256, kind, caseReference,
                submitter, sender, recipient, newStatus, receivedAt, storeRef);
    }
}
