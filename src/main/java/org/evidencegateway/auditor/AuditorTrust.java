package org.evidencegateway.auditor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the auditor trusts: the gateway's checkpoint-signing certificate and the root of the time-stamping
 * authority. Everything else is checked against these two.
 *
 * @param fromEvidence true when both were taken from the material under verification (a forger could ship its
 *                     own); reports say so
 */
public record AuditorTrust(X509Certificate checkpointSigner, X509Certificate tsaRoot, boolean fromEvidence) {

    /** The self-signed certificate among {@code chain} (the root), else its last one. */
    public static X509Certificate root(List<X509Certificate> chain) {
        return chain.stream().filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .findFirst().orElse(chain.get(chain.size() - 1));
    }

    /** All certificates in a PEM file, in file order. */
    public static List<X509Certificate> readPem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    /** All certificates in PEM text. */
    public static List<X509Certificate> parsePem(String pem) throws IOException {
        return parse(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static List<X509Certificate> parse(InputStream in) throws IOException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException("no certificate found");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IOException("not a PEM certificate: " + e.getMessage(), e);
        }
    }
}
