package org.evidencegateway.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Subject names of the PKI: {@code C, O, organizationIdentifier, CN}, each part optional. */
public final class DistinguishedNames {
    private DistinguishedNames() {
    }

    /**
     * {@code C=<country>, O=<organization>, organizationIdentifier=<agencyId>, CN=<commonName>}; null parts are
     * left out.
     */
    public static X500Name of(String country, String organization, String agencyId, String commonName) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        if (country != null) {
            b.addRDN(BCStyle.C, country);
        }
        if (organization != null) {
            b.addRDN(BCStyle.O, organization);
        }
        if (agencyId != null) {
            b.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, agencyId);
        }
        b.addRDN(BCStyle.CN, commonName);
        return b.build();
    }
}
