package org.evidencegateway.transport;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.trust.TrustAnchors;

/**
 * Accepts a TLS client only if its certificate is registered for a party, is valid now, and is signed by one of
 * the trust anchors: an unknown client is refused in the handshake, before it can send a byte of a package.
 * "Registered" is the party registry's say for the gateway, and a configured list for a case system's receiver.
 */
public final class RegisteredClientTrustManager extends X509ExtendedTrustManager {
    private final Consumer<X509Certificate> registered;
    private final TrustAnchors anchors;
    private final Clock clock;

    /** Accepts the TLS client certificates of the parties in the registry. */
    public RegisteredClientTrustManager(Supplier<PartyRegistry> parties, TrustAnchors anchors, Clock clock) {
        this(leaf -> parties.get().requireTlsClient(leaf), anchors, clock);
    }

    /** Accepts the client certificates {@code registered} does not refuse with a {@link CodedException}. */
    public RegisteredClientTrustManager(Consumer<X509Certificate> registered, TrustAnchors anchors, Clock clock) {
        this.registered = registered;
        this.anchors = anchors;
        this.clock = clock;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        X509Certificate leaf = chain[0];
        leaf.checkValidity(Date.from(clock.instant()));
        requireIssuedByAnchor(leaf);
        try {
            registered.accept(leaf);
        } catch (CodedException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    private void requireIssuedByAnchor(X509Certificate leaf) throws CertificateException {
        for (X509Certificate root : allRoots()) {
            if (root.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
                try {
                    leaf.verify(root.getPublicKey());
                    return;
                } catch (GeneralSecurityException e) {
                    // another root with the same name may have signed it
                }
            }
        }
        throw new CertificateException("client certificate " + leaf.getSubjectX500Principal()
                + " is not issued by a trust anchor");
    }

    private List<X509Certificate> allRoots() {
        return anchors.countries().stream().map(anchors::roots).flatMap(Collection::stream).toList();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only judges clients");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    /** The roots clients may present certificates of (sent in the CertificateRequest). */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return allRoots().toArray(X509Certificate[]::new);
    }
}
