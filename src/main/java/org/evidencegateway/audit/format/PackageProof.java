package org.evidencegateway.audit.format;

import java.util.List;

/**
 * The self-contained proof file of one package's trail (docs/audit-log.md §11), bound to JSON as is.
 *
 * @param checkpoint                   the signed note the proofs lead to
 * @param timestamp                    base64 DER TimeStampResp of the note; null while pending
 * @param checkpointSignerCertificates PEM, the signer first, then its chain
 * @param tsaCertificates              PEM certificates of the time-stamping authority
 */
public record PackageProof(String format, String packageId, String checkpoint, String timestamp,
                           List<String> checkpointSignerCertificates, List<String> tsaCertificates,
                           List<ProvenEntry> entries) {
    public static final String FORMAT = "evgw-audit-proof/1";

    /**
     * One entry of the trail with its inclusion proof in the checkpoint's tree.
     *
     * @param entry          the entry's canonical JSON, exactly as logged
     * @param inclusionProof lower-case hex hashes, bottom first
     */
    public record ProvenEntry(long seq, String entry, List<String> inclusionProof) {
    }
}
