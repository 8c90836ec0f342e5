package org.evidencegateway.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One signer of a package: its key, its certificate (and chain to include), and the algorithms it signs with.
 *
 * @param key         the private key; may live in a token, it is only handed to JCA {@code Signature}
 * @param certificate the signer certificate, included in the SignedData
 * @param chain       further certificates to include (intermediates); may be empty, never null
 */
public record Signer(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain,
                     DigestAlgorithm digest, SignatureScheme scheme) {

    public Signer {
        chain = List.copyOf(chain);
    }

    /** A signer using the default digest and the default scheme for its key type. */
    public static Signer of(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
        return new Signer(key, certificate, chain, DigestAlgorithm.DEFAULT, SignatureScheme.defaultFor(key));
    }

    public Signer with(DigestAlgorithm newDigest, SignatureScheme newScheme) {
        return new Signer(key, certificate, chain, newDigest, newScheme);
    }
}
