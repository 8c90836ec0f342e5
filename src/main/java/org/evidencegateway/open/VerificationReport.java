package org.evidencegateway.open;

import java.util.List;
import org.evidencegateway.manifest.Manifest;

/**
 * What opening a package proved: the bytes received, how they were encrypted, who signed them and what they held.
 *
 * @param packageSha256   SHA-256 (hex) of the package file exactly as received
 * @param packageBytes    size of the package file
 * @param encryption      content-encryption algorithm id (e.g. {@code aes-256-gcm})
 * @param openedWith      subject of our certificate the package was encrypted to
 * @param signers         every signer, all of whom passed every check
 * @param manifestSha256  SHA-256 (hex) of the manifest.json bytes
 * @param manifest        the manifest
 * @param itemBytes       total size of the evidence items
 */
public record VerificationReport(String packageSha256, long packageBytes, String encryption, String openedWith,
                                 List<SignerReport> signers, String manifestSha256, Manifest manifest, long itemBytes) {
    public VerificationReport {
        signers = List.copyOf(signers);
    }
}
