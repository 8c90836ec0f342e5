package org.evidencegateway.crypto;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/** Human-readable names for object identifiers in error messages ("SHA1WITHRSA (1.2.840.113549.1.1.5)"). */
final class Oids {
    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    private Oids() {
    }

    static String name(ASN1ObjectIdentifier oid) {
        String name = NAMES.getAlgorithmName(oid);
        return name.equals(oid.getId()) ? oid.getId() : name + " (" + oid.getId() + ")";
    }
}
