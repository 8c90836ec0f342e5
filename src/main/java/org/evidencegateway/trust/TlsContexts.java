package org.evidencegateway.trust;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS client contexts of ours: a client key presented, and only the given roots trusted for the server. */
public final class TlsContexts {
    /** Protects the in-memory key store only; it never reaches a file. */
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {
    }

    /** TLS presenting {@code keys} and trusting a server certificate only if it chains to one of {@code roots}. */
    public static SSLContext client(KeyManager[] keys, Collection<X509Certificate> roots)
            throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (X509Certificate root : roots) {
            trusted.setCertificateEntry("root-" + i++, root);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys, trust.getTrustManagers(), null);
        return tls;
    }

    /** The key managers presenting {@code credential}'s key and chain. */
    public static KeyManager[] keyManagers(Credential credential) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", credential.privateKey(), IN_MEMORY,
                credential.chain().toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, IN_MEMORY);
        return factory.getKeyManagers();
    }
}
