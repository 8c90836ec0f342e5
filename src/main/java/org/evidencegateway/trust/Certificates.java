package org.evidencegateway.trust;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Small facts about X.509 certificates: how to name one in a message, who issued it, its chain. */
public final class Certificates {
    /** Longer chains than this are refused rather than followed. */
    static final int MAX_CHAIN_LENGTH = 8;

    private Certificates() {
    }

    /** A short name for messages: {@code "ua-pgo signing" (serial 1f2e...)}. */
    public static String describe(X509Certificate cert) {
        String name = attribute(cert, BCStyle.CN).orElse(cert.getSubjectX500Principal().getName());
        return "\"" + name + "\" (serial " + cert.getSerialNumber().toString(16) + ")";
    }

    /** The single value of a subject attribute; empty if absent or present more than once. */
    public static Optional<String> attribute(X509Certificate cert, ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(type);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return Optional.empty();
        }
        var value = rdns[0].getFirst().getValue();
        return Optional.of(value instanceof ASN1String s ? s.getString() : value.toString());
    }

    /** Whether {@code issuer} names and signed {@code cert}. */
    public static boolean isIssuedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether the certificate names and signs itself. */
    public static boolean isSelfSigned(X509Certificate cert) {
        return isIssuedBy(cert, cert);
    }

    /**
     * The chain from {@code leaf} upwards as far as {@code candidates} reach: leaf first, then each issuer, ending
     * with a self-signed certificate or with the last certificate whose issuer is not among the candidates.
     * Candidates earlier in the collection win when two could have issued the same certificate.
     */
    public static List<X509Certificate> chain(X509Certificate leaf, Collection<X509Certificate> candidates) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (!isSelfSigned(current) && chain.size() < MAX_CHAIN_LENGTH) {
            X509Certificate child = current;
            Optional<X509Certificate> issuer = candidates.stream()
                    .filter(c -> !chain.contains(c) && isIssuedBy(child, c))
                    .findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            current = issuer.get();
            chain.add(current);
        }
        return chain;
    }
}
