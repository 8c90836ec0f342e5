package org.evidencegateway.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/** Key types of the development PKI, each with a stable id, the OID of its key or curve and its signature hash. */
public enum KeyType {
    RSA_3072("rsa-3072", "1.2.840.113549.1.1.1", "RSA", null, 3072),
    EC_P256("ec-p256", "1.2.840.10045.3.1.7", "EC", "secp256r1", 256),
    EC_P384("ec-p384", "1.3.132.0.34", "EC", "secp384r1", 384);

    /** The default for new parties. */
    public static final KeyType DEFAULT = EC_P256;

    private final String id;
    private final String oid;
    private final String algorithm;
    private final String curve;
    private final int bits;

    KeyType(String id, String oid, String algorithm, String curve, int bits) {
        this.id = id;
        this.oid = oid;
        this.algorithm = algorithm;
        this.curve = curve;
        this.bits = bits;
    }

    /** Stable id, e.g. {@code ec-p256}. */
    public String id() {
        return id;
    }

    /** rsaEncryption for RSA, the named curve's OID for EC. */
    public String oid() {
        return oid;
    }

    public int bits() {
        return bits;
    }

    /** Finds a key type by its stable id. */
    public static KeyType byId(String id) {
        for (KeyType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown key type " + id);
    }

    /** A fresh key pair of this type. */
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(bits);
            } else {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + id + " key", e);
        }
    }

    /**
     * The JCA signature algorithm a key signs certificates and CRLs with: SHA-256, or SHA-384 for EC keys above
     * 256 bits.
     */
    public static String signatureAlgorithm(PublicKey signingKey) {
        if (signingKey instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if ("RSA".equals(signingKey.getAlgorithm())) {
            return "SHA256withRSA";
        }
        throw new IllegalArgumentException("unsupported signing key " + signingKey.getAlgorithm());
    }
}
