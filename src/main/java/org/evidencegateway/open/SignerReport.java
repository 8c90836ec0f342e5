package org.evidencegateway.open;

import java.time.Instant;
import java.util.List;

/**
 * One signer that passed every check: who it is, when it signed, with what, and the chain it was trusted through.
 *
 * @param agency            the agency id from the certificate's organizationIdentifier
 * @param country           the trust anchor's country the chain ended at
 * @param subject           the certificate subject
 * @param serialNumber      the certificate serial number (hex)
 * @param certificateSha256 SHA-256 (hex) of the DER certificate
 * @param chain             subjects from the signer up to the trust anchor
 */
public record SignerReport(String agency, String country, String subject, String serialNumber,
                           String certificateSha256, Instant signingTime, String digest, String scheme,
                           List<String> chain) {
    public SignerReport {
        chain = List.copyOf(chain);
    }
}
