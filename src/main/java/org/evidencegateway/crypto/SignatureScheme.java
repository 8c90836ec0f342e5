package org.evidencegateway.crypto;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;

/** Signature schemes a signer may use; combined with a {@link DigestAlgorithm} they name a JCA algorithm. */
public enum SignatureScheme {
    RSA_PKCS1("rsa-pkcs1", "RSA"),
    RSA_PSS("rsa-pss", "RSAandMGF1"),
    ECDSA("ecdsa", "ECDSA");

    private final String id;
    private final String jcaSuffix;

    SignatureScheme(String id, String jcaSuffix) {
        this.id = id;
        this.jcaSuffix = jcaSuffix;
    }

    /** Stable lower-case name used in configuration and on the command line. */
    public String id() {
        return id;
    }

    /** JCA signature name, e.g. {@code SHA256withECDSA}. */
    public String jcaName(DigestAlgorithm digest) {
        return digest.jcaName().replace("-", "") + "with" + jcaSuffix;
    }

    /** The scheme that fits a key when none is asked for: PKCS#1 v1.5 for RSA, ECDSA for EC. */
    public static SignatureScheme defaultFor(PrivateKey key) {
        if (key instanceof ECKey || "EC".equals(key.getAlgorithm())) {
            return ECDSA;
        }
        if (key instanceof RSAKey || "RSA".equals(key.getAlgorithm())) {
            return RSA_PKCS1;
        }
        throw new IllegalArgumentException("unsupported signing key algorithm " + key.getAlgorithm());
    }

    public static SignatureScheme byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown signature scheme " + id));
    }
}
