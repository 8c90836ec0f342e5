package org.evidencegateway.trust;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.evidencegateway.crypto.RecipientKey;
import org.evidencegateway.crypto.Signer;
import java.util.Objects;

/**
 * A private key with its certificate and the chain that certifies it.
 *
 * @param id          the name the key source knows it by, e.g. {@code ua-pgo}
 * @param privateKey  the private key
 * @param certificate the certificate of the key
 * @param chain       {@code certificate} first, then each issuer up to and including the root
 */
public record Credential(String id, PrivateKey privateKey, X509Certificate certificate,
                         List<X509Certificate> chain) {

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain of " + id + " must start with its own certificate");
        }
    }

    /** The root the chain ends with (the certificate itself for a root). */
    public X509Certificate root() {
        return chain.get(chain.size() - 1);
    }

    /** This credential as a package signer with the default algorithms; the intermediates travel with it. */
    public Signer signer() {
        return Signer.of(privateKey, certificate, chain.subList(1, Math.max(1, chain.size() - 1)));
    }

    /** This credential as a key packages are decrypted with. */
    public RecipientKey recipientKey() {
        return new RecipientKey(privateKey, certificate);
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "Credential[" + id + ", " + Certificates.describe(certificate) + "]";
    }
}
