package org.evidencegateway.trust;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The agency a certificate speaks for: its subject's organizationIdentifier (OID 2.5.4.97, ETSI EN 319 412-1),
 * e.g. {@code ua-pgo}, and its country (C), e.g. {@code UA}.
 *
 * @param agencyId the organizationIdentifier
 * @param country  the two-letter country code
 */
public record AgencyIdentity(String agencyId, String country) {
    /** organizationIdentifier, 2.5.4.97. */
    public static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = BCStyle.ORGANIZATION_IDENTIFIER;

    public AgencyIdentity {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(country, "country");
    }

    /**
     * The agency of the certificate's subject; empty, meaning "no agency", unless the subject carries exactly one
     * organizationIdentifier and exactly one C.
     */
    public static Optional<AgencyIdentity> of(X509Certificate cert) {
        Optional<String> agency = Certificates.attribute(cert, ORGANIZATION_IDENTIFIER).filter(s -> !s.isBlank());
        Optional<String> country = Certificates.attribute(cert, BCStyle.C);
        return agency.flatMap(a -> country.map(c -> new AgencyIdentity(a, c)));
    }
}
