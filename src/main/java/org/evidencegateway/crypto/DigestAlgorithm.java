package org.evidencegateway.crypto;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** Digest algorithms allowed in signatures and item hashes; SHA-1 and MD5 are deliberately absent. */
public enum DigestAlgorithm {
    SHA256("sha256", NISTObjectIdentifiers.id_sha256, "SHA-256"),
    SHA384("sha384", NISTObjectIdentifiers.id_sha384, "SHA-384"),
    SHA512("sha512", NISTObjectIdentifiers.id_sha512, "SHA-512");

    /** What {@code evgw} writes unless told otherwise. */
    public static final DigestAlgorithm DEFAULT = SHA256;

    private final String id;
    private final ASN1ObjectIdentifier oid;
    private final String jcaName;

    DigestAlgorithm(String id, ASN1ObjectIdentifier oid, String jcaName) {
        this.id = id;
        this.oid = oid;
        this.jcaName = jcaName;
    }

    /** Stable lower-case name used in configuration and on the command line. */
    public String id() {
        return id;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public String jcaName() {
        return jcaName;
    }

    public AlgorithmIdentifier algorithmIdentifier() {
        return new AlgorithmIdentifier(oid, DERNull.INSTANCE);
    }

    public static Optional<DigestAlgorithm> byOid(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(d -> d.oid.equals(oid)).findFirst();
    }

    public static DigestAlgorithm byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown digest " + id + "; allowed: " + ids()));
    }

    static String ids() {
        return Arrays.stream(values()).map(DigestAlgorithm::id).toList().toString();
    }
}
