package org.evidencegateway.casesystem;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.evidencegateway.casesystemclient.CaseSystemPortType;
import org.evidencegateway.casesystemclient.CaseSystemService;
import org.evidencegateway.trust.Credential;

/**
 * The gateway's side of a delivery in tests: a JDK HTTP client and a JAX-WS client generated from the WSDL (MTOM
 * on), both presenting a TLS client certificate (or none) and trusting the case system's country root.
 */
public final class CaseSystemTestClients {
    private CaseSystemTestClients() {
    }

    /** An HTTP/1.1 client presenting {@code client}'s certificate, or none if null. */
    public static HttpClient rest(Credential client) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers(client), trustManagers(), null);
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SOAP client of {@code address}, sending packages as MTOM attachments. */
    public static CaseSystemPortType soap(String address, Credential client) {
        CaseSystemPortType port = new CaseSystemService().getCaseSystemPort();
        BindingProvider provider = (BindingProvider) port;
        provider.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        ((SOAPBinding) provider.getBinding()).setMTOMEnabled(true);
        TLSClientParameters tls = new TLSClientParameters();
        tls.setKeyManagers(keyManagers(client));
        tls.setTrustManagers(trustManagers());
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        conduit.setTlsClientParameters(tls);
        // Stream the attachment instead of buffering the whole request to compute a Content-Length.
        conduit.getClient().setAllowChunking(true);
        return port;
    }

    private static KeyManager[] keyManagers(Credential client) {
        if (client == null) {
            return null;
        }
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] password = CaseSystemTestPki.PASSWORD.toCharArray();
            keys.setKeyEntry("client", client.privateKey(), password, client.chain().toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrustManager[] trustManagers() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ua-root-ca", CaseSystemTestPki.PKI.uaRoot().certificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
