package org.evidencegateway.trust;

import static org.evidencegateway.error.ErrorCode.TRUST_REVOCATION_UNKNOWN;
import static org.evidencegateway.error.ErrorCode.TRUST_REVOKED;

import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.evidencegateway.error.TrustException;

/** Decides from the issuer's current CRL whether a certificate was revoked as far as a signature is concerned. */
final class RevocationChecker {
    /** Reasons that say the key was in other hands: every signature of the key is suspect, whatever its date. */
    private static final Set<CRLReason> COMPROMISE =
            Set.of(CRLReason.KEY_COMPROMISE, CRLReason.CA_COMPROMISE, CRLReason.AA_COMPROMISE);

    private final List<X509CRL> crls;

    RevocationChecker(List<X509CRL> crls) {
        this.crls = crls;
    }

    void check(X509Certificate cert, X509Certificate issuer, Instant signingTime, Instant now) {
        X509CRL crl = currentCrl(cert, issuer, now);
        X509CRLEntry entry = crl.getRevokedCertificate(cert);
        if (entry == null) {
            return;
        }
        Instant revokedAt = entry.getRevocationDate().toInstant();
        CRLReason reason = entry.getRevocationReason();
        if (reason != null && COMPROMISE.contains(reason)) {
            throw new TrustException(TRUST_REVOKED, Certificates.describe(cert), revokedAt,
                    name(reason) + ", which taints signatures of any claimed signing time");
        }
        if (!revokedAt.isAfter(signingTime)) {
            throw new TrustException(TRUST_REVOKED, Certificates.describe(cert), revokedAt,
                    (reason == null ? "unspecified" : name(reason)) + ", at or before signing time " + signingTime);
        }
    }

    private X509CRL currentCrl(X509Certificate cert, X509Certificate issuer, Instant now) {
        List<X509CRL> fromIssuer = crls.stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()))
                .toList();
        if (fromIssuer.isEmpty()) {
            throw new TrustException(TRUST_REVOCATION_UNKNOWN, Certificates.describe(cert),
                    "no CRL of its issuer " + issuer.getSubjectX500Principal().getName() + " is configured");
        }
        X509CRL newest = fromIssuer.stream()
                .filter(crl -> signedBy(crl, issuer))
                .max(Comparator.comparing(X509CRL::getThisUpdate))
                .orElseThrow(() -> new TrustException(TRUST_REVOCATION_UNKNOWN, Certificates.describe(cert),
                        "the CRL of " + issuer.getSubjectX500Principal().getName()
                                + " is not signed by that issuer's key"));
        Instant thisUpdate = newest.getThisUpdate().toInstant();
        Instant nextUpdate = newest.getNextUpdate() == null ? null : newest.getNextUpdate().toInstant();
        if (thisUpdate.isAfter(now) || nextUpdate == null || !now.isBefore(nextUpdate)) {
            throw new TrustException(TRUST_REVOCATION_UNKNOWN, Certificates.describe(cert),
                    "the newest CRL of " + issuer.getSubjectX500Principal().getName() + " is not current at " + now
                            + " (thisUpdate " + thisUpdate + ", nextUpdate " + nextUpdate + ")");
        }
        return newest;
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** RFC 5280 spelling: {@code keyCompromise}. */
    private static String name(CRLReason reason) {
        String[] words = reason.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }
}
