package org.evidencegateway.trust;

import static org.evidencegateway.error.ErrorCode.TRUST_KEY_USAGE;
import static org.evidencegateway.error.ErrorCode.TRUST_NOT_VALID_AT_SIGNING_TIME;
import static org.evidencegateway.error.ErrorCode.TRUST_SIGNING_TIME;
import static org.evidencegateway.error.ErrorCode.TRUST_UNTRUSTED;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.evidencegateway.error.TrustException;

/**
 * Decides whether a signer certificate may vouch for a signature of a given country at the signing time the signer
 * claims, and returns the chain it was validated through.
 *
 * <p>In order, a failure of each step is a {@link TrustException}:
 * <ol>
 *   <li>{@code TRUST_UNTRUSTED}: the certificate does not chain, through the package's other certificates, to a root
 *       of <em>that</em> country (a KZ-issued certificate never passes for a UA sender), or PKIX path validation
 *       fails;</li>
 *   <li>{@code TRUST_NOT_VALID_AT_SIGNING_TIME}: the certificate or any certificate of its chain is outside its
 *       validity at the signing time;</li>
 *   <li>{@code TRUST_KEY_USAGE}: the certificate allows neither digitalSignature nor nonRepudiation;</li>
 *   <li>{@code TRUST_REVOKED}: a certificate of the chain is on its issuer's CRL with a revocation date at or before
 *       the signing time, or with reason keyCompromise (also cACompromise, aACompromise) at any date: the signing
 *       time is only claimed by the signer, so whoever holds a compromised key can claim any earlier time;</li>
 *   <li>{@code TRUST_REVOCATION_UNKNOWN}: there is no CRL of an issuer in the chain, its signature does not verify,
 *       or it is not current at validation time (now).</li>
 * </ol>
 * Path validation uses java.security.cert PKIX with the signing time as date and revocation checking disabled;
 * revocation is checked explicitly afterwards so that the rules above hold. Thread-safe.
 */
public final class SignerCertificateValidator {
    private final TrustAnchors anchors;
    private final Clock clock;
    private final RevocationChecker revocation;

    /** Validates against {@code anchors}; {@code clock} says what "now" is for CRL currency. */
    public SignerCertificateValidator(TrustAnchors anchors, Clock clock) {
        this.anchors = anchors;
        this.clock = clock;
        this.revocation = new RevocationChecker(anchors.crls());
    }

    /**
     * Validates {@code signer} as a signer for {@code country} at {@code signingTime}.
     *
     * @param signer                the certificate whose key made the signature
     * @param otherCertsFromPackage further certificates the package carries (intermediates; roots are ignored
     *                              unless they are the country's anchors); may be empty
     * @param country               the country or operator code the signature must speak for, e.g. {@code UA}
     * @param signingTime           the signing time the signer claims
     * @return the chain, signer first, ending with the country's root
     */
    public List<X509Certificate> validate(X509Certificate signer, Collection<X509Certificate> otherCertsFromPackage,
                                          String country, Instant signingTime) {
        if (signingTime == null) {
            throw new TrustException(TRUST_SIGNING_TIME, Certificates.describe(signer), "no signing time given");
        }
        List<X509Certificate> chain = chainToCountry(signer, otherCertsFromPackage, country);
        for (X509Certificate cert : chain) {
            requireValidAt(cert, signer, signingTime);
        }
        validatePath(signer, chain, signingTime);
        requireSigningKeyUsage(signer);
        Instant now = clock.instant();
        for (int i = 0; i < chain.size() - 1; i++) {
            revocation.check(chain.get(i), chain.get(i + 1), signingTime, now);
        }
        return chain;
    }

    private List<X509Certificate> chainToCountry(X509Certificate signer, Collection<X509Certificate> others,
                                                 String country) {
        List<X509Certificate> roots = anchors.roots(country);
        if (roots.isEmpty()) {
            throw new TrustException(TRUST_UNTRUSTED, Certificates.describe(signer), country,
                    "no trust anchor is configured for " + country);
        }
        List<X509Certificate> candidates = new ArrayList<>(roots);
        others.stream().filter(c -> !Certificates.isSelfSigned(c)).forEach(candidates::add);
        List<X509Certificate> chain = Certificates.chain(signer, candidates);
        X509Certificate top = chain.get(chain.size() - 1);
        if (!roots.contains(top)) {
            throw new TrustException(TRUST_UNTRUSTED, Certificates.describe(signer), country,
                    "expected a chain to " + names(roots) + ", found one ending at issuer "
                            + top.getIssuerX500Principal().getName() + trustedElsewhere(top, country));
        }
        return chain;
    }

    /** Says which other country the chain would have been trusted for, the likely mistake. */
    private String trustedElsewhere(X509Certificate top, String country) {
        return anchors.countries().stream()
                .filter(other -> !other.equalsIgnoreCase(country))
                .filter(other -> anchors.roots(other).stream().anyMatch(r -> Certificates.isIssuedBy(top, r)))
                .map(other -> ", a root of " + other)
                .findFirst().orElse("");
    }

    private static void requireValidAt(X509Certificate cert, X509Certificate signer, Instant signingTime) {
        Instant from = cert.getNotBefore().toInstant();
        Instant to = cert.getNotAfter().toInstant();
        if (signingTime.isBefore(from) || signingTime.isAfter(to)) {
            String name = cert.equals(signer) ? Certificates.describe(signer)
                    : Certificates.describe(signer) + ", through its issuer " + Certificates.describe(cert) + ",";
            throw new TrustException(TRUST_NOT_VALID_AT_SIGNING_TIME, name, signingTime, from, to);
        }
    }

    private static void validatePath(X509Certificate signer, List<X509Certificate> chain, Instant signingTime) {
        X509Certificate root = chain.get(chain.size() - 1);
        try {
            var path = CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1));
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(signingTime));
            CertPathValidator.getInstance("PKIX").validate(path, params);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
                throw new TrustException(TRUST_NOT_VALID_AT_SIGNING_TIME, e, Certificates.describe(signer),
                        signingTime, signer.getNotBefore().toInstant(), signer.getNotAfter().toInstant());
            }
            throw new TrustException(TRUST_UNTRUSTED, e, Certificates.describe(signer),
                    root.getSubjectX500Principal().getName(), "PKIX validation failed: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new TrustException(TRUST_UNTRUSTED, e, Certificates.describe(signer),
                    root.getSubjectX500Principal().getName(), "PKIX validation could not run: " + e.getMessage());
        }
    }

    private static void requireSigningKeyUsage(X509Certificate signer) {
        boolean[] usage = signer.getKeyUsage();
        boolean signing = usage != null && (usage[0] || (usage.length > 1 && usage[1]));
        if (!signing) {
            throw new TrustException(TRUST_KEY_USAGE, Certificates.describe(signer), keyUsageNames(usage));
        }
    }

    private static String keyUsageNames(boolean[] usage) {
        if (usage == null) {
            return "no keyUsage extension";
        }
        String[] names = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
            "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
        List<String> found = new ArrayList<>();
        for (int i = 0; i < Math.min(usage.length, names.length); i++) {
            if (usage[i]) {
                found.add(names[i]);
            }
        }
        return found.isEmpty() ? "an empty keyUsage" : String.join(", ", found);
    }

    private static String names(List<X509Certificate> roots) {
        return roots.stream().map(r -> r.getSubjectX500Principal().getName()).collect(Collectors.joining(" or "));
    }
}
