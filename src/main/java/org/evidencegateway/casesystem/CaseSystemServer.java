package org.evidencegateway.casesystem;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_undertow.UndertowHTTPServerEngineFactory;
import org.evidencegateway.casesystem.rest.DeliveryResource;
import org.evidencegateway.casesystem.soap.CaseSystemSoapService;
import org.evidencegateway.casesystem.soap.v1.CaseSystemPortType;
import org.evidencegateway.error.AuthorizationException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.party.RegisteredCertificate;
import org.evidencegateway.runtime.TlsSettings;
import org.evidencegateway.transport.RegisteredClientTrustManager;

/**
 * The reference receiver's HTTPS server: both delivery contracts on one mutual-TLS port, with CXF on Undertow as
 * the gateway serves its own — REST at {@value #REST_PATH}/deliveries, SOAP (MTOM) at {@value #SOAP_PATH}.
 */
public final class CaseSystemServer implements AutoCloseable {
    /** Base path of the REST contract. */
    public static final String REST_PATH = "/api/v1";
    /** Path of the SOAP contract. */
    public static final String SOAP_PATH = "/soap/case-system";
    /** Where the WSDL is on the class path. */
    public static final String WSDL = "classpath:org/evidencegateway/casesystem/soap/case-system.wsdl";
    private static final String NAMESPACE = "urn:evidence-gateway:case-system:v1";

    private final Bus bus;
    private final List<Server> servers;
    private final HttpsSettings https;

    private CaseSystemServer(Bus bus, List<Server> servers, HttpsSettings https) {
        this.bus = bus;
        this.servers = servers;
        this.https = https;
    }

    /** Starts serving {@code receiver} on the listener {@code https} describes; returns once it accepts requests. */
    public static CaseSystemServer start(DeliveryReceiver receiver, HttpsSettings https) throws Exception {
        Bus bus = BusFactory.newInstance().createBus();
        try {
            bus.getExtension(UndertowHTTPServerEngineFactory.class).setTLSServerParametersForPort(https.port(),
                    TlsSettings.server(https.tlsKeyStore(), https.password(), new RegisteredClientTrustManager(
                            accepting(https.acceptedClients()), https.clientAnchors(), https.clock())));
            return new CaseSystemServer(bus, List.of(rest(bus, https, receiver), soap(bus, https, receiver)), https);
        } catch (Exception | Error e) {
            bus.shutdown(true);
            throw e;
        }
    }

    /** {@code https://host:port} of this server. */
    public String baseUrl() {
        return https.baseUrl();
    }

    @Override
    public void close() {
        servers.forEach(Server::destroy);
        bus.shutdown(true);
    }

    private static Server rest(Bus bus, HttpsSettings https, DeliveryReceiver receiver) {
        JAXRSServerFactoryBean rest = new JAXRSServerFactoryBean();
        rest.setBus(bus);
        rest.setAddress(https.baseUrl() + REST_PATH);
        // The contract's annotations are on DeliveryApi, which the resource implements.
        rest.setServiceBeans(List.of(new DeliveryResource(receiver)));
        return rest.create();
    }

    private static Server soap(Bus bus, HttpsSettings https, DeliveryReceiver receiver) {
        JaxWsServerFactoryBean soap = new JaxWsServerFactoryBean();
        soap.setBus(bus);
        soap.setAddress(https.baseUrl() + SOAP_PATH);
        soap.setServiceClass(CaseSystemPortType.class);
        soap.setServiceBean(new CaseSystemSoapService(receiver));
        soap.setWsdlLocation(WSDL);
        soap.setServiceName(new QName(NAMESPACE, "CaseSystemService"));
        soap.setEndpointName(new QName(NAMESPACE, "CaseSystemPort"));
        soap.setProperties(Map.of("mtom-enabled", true));
        return soap.create();
    }

    /** Refuses every client certificate but the configured ones, by the SHA-256 of their DER. */
    private static Consumer<X509Certificate> accepting(List<X509Certificate> accepted) {
        Set<String> fingerprints = accepted.stream().map(RegisteredCertificate::sha256).collect(Collectors.toSet());
        return leaf -> {
            String sha256 = RegisteredCertificate.sha256(leaf);
            if (!fingerprints.contains(sha256)) {
                throw new AuthorizationException(ErrorCode.AUTH_UNKNOWN_CLIENT,
                        leaf.getSubjectX500Principal().getName() + " (SHA-256 " + sha256 + ")");
            }
        };
    }
}
