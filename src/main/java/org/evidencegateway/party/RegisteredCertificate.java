package org.evidencegateway.party;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.evidencegateway.digest.Sha256;
import org.evidencegateway.trust.Certificates;

/**
 * A certificate registered for a party, with its effective window: the intersection of the certificate's own
 * validity and the registry's optional {@code validFrom} / {@code validUntil}, both ends inclusive.
 *
 * @param certificate the certificate
 * @param sha256      SHA-256 (lower-case hex) of its DER encoding
 * @param validFrom   first instant it counts for the party
 * @param validUntil  last instant it counts for the party
 */
public record RegisteredCertificate(X509Certificate certificate, String sha256, Instant validFrom,
                                    Instant validUntil) {
    public RegisteredCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validFrom.isAfter(validUntil)) {
            throw new IllegalArgumentException("empty window " + validFrom + " to " + validUntil);
        }
    }

    /**
     * The certificate restricted to the optional window; {@code null} bounds leave the certificate's own.
     *
     * @throws IllegalArgumentException if the window and the certificate's validity do not overlap
     */
    public static RegisteredCertificate of(X509Certificate certificate, Instant from, Instant until) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant start = from == null || from.isBefore(notBefore) ? notBefore : from;
        Instant end = until == null || until.isAfter(notAfter) ? notAfter : until;
        return new RegisteredCertificate(certificate, sha256(certificate), start, end);
    }

    /** SHA-256 (lower-case hex) of the certificate's DER encoding, as in {@code SignerReport.certificateSha256}. */
    public static String sha256(X509Certificate certificate) {
        try {
            return Sha256.hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unencodable certificate", e);
        }
    }

    /** Whether the certificate counts for its party at {@code instant}. */
    public boolean validAt(Instant instant) {
        return !instant.isBefore(validFrom) && !instant.isAfter(validUntil);
    }

    /** {@code "from <validFrom> until <validUntil>"}, for messages. */
    public String window() {
        return "from " + validFrom + " until " + validUntil;
    }

    /** The certificate's short name and fingerprint, for messages. */
    public String describe() {
        return Certificates.describe(certificate) + " SHA-256 " + sha256;
    }
}
