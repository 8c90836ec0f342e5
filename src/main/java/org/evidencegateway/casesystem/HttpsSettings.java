package org.evidencegateway.casesystem;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.evidencegateway.trust.TrustAnchors;

/**
 * The HTTPS listener of the reference receiver: where it listens, its TLS key, and which client certificates it
 * accepts (exactly these, valid at {@code clock}, issued by one of {@code clientAnchors}).
 *
 * @param tlsKeyStore     PKCS#12 file with the server key and certificate chain
 * @param acceptedClients the client certificates accepted, compared by their exact DER
 */
public record HttpsSettings(String host, int port, Path tlsKeyStore, String password,
                            List<X509Certificate> acceptedClients, TrustAnchors clientAnchors, Clock clock) {
    public HttpsSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsKeyStore, "tlsKeyStore");
        acceptedClients = List.copyOf(acceptedClients);
        if (acceptedClients.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted client certificate is required");
        }
    }

    /** {@code https://host:port}, no trailing slash. */
    public String baseUrl() {
        return "https://" + host + ":" + port;
    }
}
