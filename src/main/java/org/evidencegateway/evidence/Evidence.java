package org.evidencegateway.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.evidencegateway.manifest.Party;

/**
 * One signed statement of what happened to a package (see docs/evidence-format.md); members that do not apply
 * are null and left out of the canonical JSON.
 *
 * @param acknowledgementSha256 SHA-256 (hex) of the case system's signed acknowledgement (Delivery only, if one came)
 */
public record Evidence(int evidenceVersion, UUID evidenceId, EvidenceType evidenceType, Instant eventTime,
                       String gatewayId, UUID packageId, String packageSha256, Long packageSize,
                       String manifestSha256, Party sender, Party recipient, String submitter,
                       String reasonCode, String reasonMessage, String acknowledgementSha256) {
    public static final int VERSION = 1;

    /** A statement without an acknowledgement: every type but Delivery. */
    public Evidence(int evidenceVersion, UUID evidenceId, EvidenceType evidenceType, Instant eventTime,
                    String gatewayId, UUID packageId, String packageSha256, Long packageSize, String manifestSha256,
                    Party sender, Party recipient, String submitter, String reasonCode, String reasonMessage) {
        this(evidenceVersion, evidenceId, evidenceType, eventTime, gatewayId, packageId, packageSha256, packageSize,
                manifestSha256, sender, recipient, submitter, reasonCode, reasonMessage, null);
    }

    public Evidence {
        eventTime = eventTime.truncatedTo(ChronoUnit.MILLIS);
        if (evidenceType.isFailure() != (reasonCode != null)) {
            throw new IllegalArgumentException(evidenceType.id() + (evidenceType.isFailure()
                    ? " needs a reason code" : " carries no reason code"));
        }
    }
}
