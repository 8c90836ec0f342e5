package org.evidencegateway.deliver;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.runtime.TlsSettings;
import org.evidencegateway.trust.TlsContexts;
import org.evidencegateway.trust.TrustAnchors;

/**
 * The TLS side of the gateway's delivery clients: the gateway's client key presented to case systems, and their
 * server certificates trusted when they chain to one of the trust anchors (each case system's own country root).
 */
public final class DeliveryTls {
    private DeliveryTls() {
    }

    /** TLS with the client key of {@code keyStore} (PKCS#12) and trust in every root of {@code anchors}. */
    public static SSLContext context(Path keyStore, String password, TrustAnchors anchors) {
        try {
            List<X509Certificate> roots = new ArrayList<>();
            anchors.countries().forEach(country -> roots.addAll(anchors.roots(country)));
            return TlsContexts.client(TlsSettings.keyManagers(keyStore, password), roots);
        } catch (GeneralSecurityException | IOException e) {
            throw new CodedException(ErrorCode.KEY_UNAVAILABLE, e, "TLS client key", keyStore, e.getMessage());
        }
    }
}
