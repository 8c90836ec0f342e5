package org.evidencegateway.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;

/**
 * The TLS side of an HTTPS listener of ours (the gateway's, a case system's reference receiver): its key, and client
 * certificates required and judged by our trust manager.
 */
public final class TlsSettings {
    private TlsSettings() {
    }

    /** TLS 1.3/1.2 with {@code keyStore}'s key (PKCS#12), a client certificate required and judged by {@code clients}. */
    public static TLSServerParameters server(Path keyStore, String password, TrustManager clients) {
        TLSServerParameters tls = new TLSServerParameters();
        tls.setKeyManagers(keyManagers(keyStore, password));
        tls.setTrustManagers(new TrustManager[] {clients});
        ClientAuthentication required = new ClientAuthentication();
        required.setRequired(true);
        required.setWant(true);
        tls.setClientAuthentication(required);
        tls.setSecureSocketProtocol("TLS");
        tls.getIncludeProtocols().addAll(List.of("TLSv1.3", "TLSv1.2"));
        return tls;
    }

    public static KeyManager[] keyManagers(Path keyStore, String password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password.toCharArray());
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new CodedException(ErrorCode.KEY_UNAVAILABLE, e, "TLS server key", keyStore, e.getMessage());
        }
    }
}
