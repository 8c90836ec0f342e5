package org.evidencegateway.casesystem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.evidencegateway.manifest.Party;
import org.evidencegateway.open.SignerReport;
import org.evidencegateway.open.VerificationReport;

/**
 * A case system's statement that it received, verified end to end and stored a package
 * (docs/case-system-integration.md, The acknowledgement); signed as canonical JSON like an evidence.
 *
 * @param signers SHA-256 (hex) of each verified signer certificate, in SignedData order
 */
public record DeliveryAcknowledgement(String statementType, int acknowledgementVersion, String caseSystem,
                                      Instant receivedAt, UUID packageId, String packageSha256, long packageSize,
                                      String manifestSha256, Party sender, Party recipient, List<String> signers,
                                      long itemBytes) {
    /** The value of {@code statementType}, which tells an acknowledgement from an evidence. */
    public static final String TYPE = "DeliveryAcknowledgement";
    public static final int VERSION = 1;

    public DeliveryAcknowledgement {
        if (!TYPE.equals(statementType)) {
            throw new IllegalArgumentException("statementType must be " + TYPE + ", found " + statementType);
        }
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
        signers = List.copyOf(signers);
    }

    /** The acknowledgement of the package {@code report} describes, by {@code caseSystem} at {@code receivedAt}. */
    public static DeliveryAcknowledgement of(String caseSystem, Instant receivedAt, VerificationReport report) {
        return new DeliveryAcknowledgement(TYPE, VERSION, caseSystem, receivedAt, report.manifest().packageId(),
                report.packageSha256(), report.packageBytes(), report.manifestSha256(), report.manifest().sender(),
                report.manifest().recipient(), report.signers().stream().map(SignerReport::certificateSha256).toList(),
                report.itemBytes());
    }
}
