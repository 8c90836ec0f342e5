package org.evidencegateway.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** Checks that a private key belongs to a certificate's public key by signing a probe. */
final class KeyPairs {
    private static final byte[] PROBE = "evidence-gateway key pair probe".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    static boolean match(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null || !publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
