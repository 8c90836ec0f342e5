package org.evidencegateway.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What one valid signature proves: this certificate's key signed this content at the time it claims.
 *
 * <p>Whether the certificate is trusted is not decided here; see the trust package.
 *
 * @param certificate         the signer certificate
 * @param packageCertificates every certificate the SignedData carried (for path building)
 * @param signingTime         the signed signingTime attribute
 */
public record VerifiedSignature(X509Certificate certificate, List<X509Certificate> packageCertificates,
                                Instant signingTime, DigestAlgorithm digest, SignatureScheme scheme) {
    public VerifiedSignature {
        packageCertificates = List.copyOf(packageCertificates);
    }
}
