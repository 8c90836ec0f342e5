package org.evidencegateway.crypto;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/** Content-encryption algorithms of the outer layer; DES, 3DES, RC2 and the rest are absent on purpose. */
public enum ContentEncryption {
    AES_256_GCM("aes-256-gcm", NISTObjectIdentifiers.id_aes256_GCM, true),
    AES_128_GCM("aes-128-gcm", NISTObjectIdentifiers.id_aes128_GCM, true),
    AES_256_CBC("aes-256-cbc", NISTObjectIdentifiers.id_aes256_CBC, false),
    AES_128_CBC("aes-128-cbc", NISTObjectIdentifiers.id_aes128_CBC, false);

    /** What {@code evgw} writes unless told otherwise. */
    public static final ContentEncryption DEFAULT = AES_256_GCM;

    private final String id;
    private final ASN1ObjectIdentifier oid;
    private final boolean authenticated;

    ContentEncryption(String id, ASN1ObjectIdentifier oid, boolean authenticated) {
        this.id = id;
        this.oid = oid;
        this.authenticated = authenticated;
    }

    /** Stable lower-case name used in configuration and on the command line. */
    public String id() {
        return id;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** True for AEAD modes carried in AuthEnvelopedData; false for CBC carried in EnvelopedData. */
    public boolean authenticated() {
        return authenticated;
    }

    public static Optional<ContentEncryption> byOid(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(c -> c.oid.equals(oid)).findFirst();
    }

    public static ContentEncryption byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown content encryption " + id + "; allowed: " + ids()));
    }

    static String ids() {
        return Arrays.stream(values()).map(ContentEncryption::id).toList().toString();
    }
}
