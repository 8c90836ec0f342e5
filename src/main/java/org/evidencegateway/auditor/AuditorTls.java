package org.evidencegateway.auditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The auditor's mutual-TLS client: its own key and certificate (a PEM pair {@code PREFIX.key.pem}, unencrypted
 * PKCS#8, and {@code PREFIX.crt.pem}), and the one root the gateway's TLS server certificate must chain to.
 */
public final class AuditorTls {
    private static final char[] IN_MEMORY = "auditor".toCharArray();

    private AuditorTls() {
    }

    /** A TLS context presenting the key pair at {@code keyPrefix} and trusting only {@code serverRoot}. */
    public static SSLContext context(Path keyPrefix, Path serverRoot) throws IOException {
        Path certificate = Path.of(keyPrefix + ".crt.pem");
        Path key = Path.of(keyPrefix + ".key.pem");
        try {
            List<X509Certificate> chain = AuditorTrust.readPem(certificate);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("auditor", privateKey(key, chain.get(0)), IN_MEMORY,
                    chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, IN_MEMORY);
            KeyStore roots = KeyStore.getInstance("PKCS12");
            roots.load(null, null);
            roots.setCertificateEntry("server-root", AuditorTrust.readPem(serverRoot).get(0));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(roots);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the auditor's TLS client from " + keyPrefix + " and " + serverRoot
                    + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(file + " is not an unencrypted PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        String algorithm = certificate.getPublicKey().getAlgorithm();
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
