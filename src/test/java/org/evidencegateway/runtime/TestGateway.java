package org.evidencegateway.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.evidencegateway.evidence.Evidence;
import org.evidencegateway.evidence.EvidenceVerifier;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.evidencegateway.soapclient.EvidenceGatewayPortType;
import org.evidencegateway.soapclient.EvidenceGatewayService;
import org.evidencegateway.transport.soap.SoapEndpoint;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.TlsContexts;
import org.evidencegateway.trust.SignerCertificateValidator;
import org.evidencegateway.trust.TrustAnchors;
import org.evidencegateway.trust.TestPki;

/**
 * A real gateway for integration tests: the development configuration with its keys from {@link GatewayTestPki},
 * its data (H2 file database, package store, Artemis journal) under a test folder, its HTTPS port free, and its
 * clock at {@link TestPki#NOW}. Clients: plain HTTPS ({@link #client}) and the SOAP client generated from the WSDL
 * ({@link #soapClient}). Extra settings (limits, thresholds) come on top of those. The management server (health,
 * metrics) listens on a free localhost port. Restartable on the same folder, to test what survives a restart, and
 * with changed settings.
 */
public final class TestGateway implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int managementPort;
    private final Map<String, String> extra;
    private Gateway gateway;

    /** The settings a gateway on the folder was created with, for a JVM that starts it {@linkplain #existing later}. */
    private static final String SETTINGS_FILE = "test-gateway.properties";
    private static final String MANAGEMENT_PORT = "camel.management.port";

    private TestGateway(Path dir, int port, int managementPort, Map<String, String> extra) {
        this.dir = dir;
        this.port = port;
        this.managementPort = managementPort;
        this.extra = Map.copyOf(extra);
    }

    /** A new gateway on {@code dir}: its settings are written there for {@link #existing}. */
    private static TestGateway create(Path dir, Map<String, String> extra) {
        TestGateway gateway = new TestGateway(dir, freePort(), freePort(), extra);
        Properties saved = new Properties();
        saved.putAll(gateway.extra);
        saved.setProperty(MANAGEMENT_PORT, Integer.toString(gateway.managementPort));
        try (Writer out = Files.newBufferedWriter(dir.resolve(SETTINGS_FILE))) {
            saved.store(out, "settings of the test gateway on this folder");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gateway;
    }

    /** Writes keys and registry into {@code dir} and starts a gateway on them. */
    public static TestGateway start(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    /** Same as {@link #start(Path)}, with {@code extra} settings ({@code gateway.*} or {@code camel.*}) on top. */
    public static TestGateway start(Path dir, Map<String, String> extra) throws Exception {
        return prepare(dir, extra).startAgain();
    }

    /** Writes keys and registry into {@code dir} and picks a free port, without starting a gateway. */
    public static TestGateway prepare(Path dir) {
        return prepare(dir, Map.of());
    }

    private static TestGateway prepare(Path dir, Map<String, String> extra) {
        GatewayTestPki.write(dir.resolve("pki"));
        // Nothing listens at the registry's delivery endpoints: claim checks stay on their queues for tests to see.
        Map<String, String> settings = new LinkedHashMap<>(Map.of("gateway.delivery.enabled", "false"));
        settings.putAll(extra);
        return create(dir, settings);
    }

    /**
     * Writes keys and a registry whose case systems are delivered to at {@code endpoints} (case-system id to URL), and
     * starts a gateway that delivers, with {@code extra} settings on top.
     */
    public static TestGateway delivering(Path dir, Map<String, String> endpoints, Map<String, String> extra)
            throws Exception {
        return prepareDelivering(dir, endpoints, extra).startAgain();
    }

    /** Same as {@link #delivering}, without starting the gateway (to start it in a {@link ChildGateway}). */
    public static TestGateway prepareDelivering(Path dir, Map<String, String> endpoints, Map<String, String> extra) {
        GatewayTestPki.write(dir.resolve("pki"), endpoints);
        return create(dir, extra);
    }

    /**
     * A gateway on a folder {@link #prepare}d before (perhaps by another JVM), not started: with the settings and the
     * management port it was prepared with, and {@code extra} settings on top.
     */
    public static TestGateway existing(Path dir, int port, Map<String, String> extra) {
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(SETTINGS_FILE))) {
            saved.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        saved.stringPropertyNames().forEach(name -> settings.put(name, saved.getProperty(name)));
        settings.putAll(extra);
        int managementPort = Integer.parseInt(settings.remove(MANAGEMENT_PORT));
        return new TestGateway(dir, port, managementPort, settings);
    }

    /** Starts (again) on the same folder and ports, with the settings it was created with. */
    public TestGateway startAgain() throws Exception {
        return startWith(Map.of());
    }

    /** Stops, then starts on the same folder and ports with {@code changes} on top of its settings (this time only). */
    public TestGateway restartWith(Map<String, String> changes) throws Exception {
        stop();
        return startWith(changes);
    }

    private TestGateway startWith(Map<String, String> changes) throws Exception {
        Map<String, String> settings = settings();
        settings.putAll(changes);
        gateway = Gateway.create(Path.of("src/main/config/gateway.properties"), settings, TestPki.CLOCK).start();
        return this;
    }

    /** An address on the management server (plain HTTP), e.g. {@code /observe/health}. */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    /** The management server's metrics (Prometheus text), e.g. of a gateway running in a {@link ChildGateway}. */
    public String metrics() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(managementUri("/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Stops the gateway; its data stays. */
    public void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    public int port() {
        return port;
    }

    /** The folder holding keys, registry and data. */
    public Path dir() {
        return dir;
    }

    /** Submits {@code pkg} as {@code party}'s TLS client. */
    public HttpResponse<String> submit(String party, byte[] pkg) throws IOException, InterruptedException {
        return client(party).send(HttpRequest.newBuilder(uri("/api/v1/packages"))
                .header("Content-Type", "application/pkcs7-mime")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pkg)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} as {@code party}'s TLS client. */
    public HttpResponse<String> get(String party, String path) throws IOException, InterruptedException {
        return client(party).send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The evidence in a JSON answer ({@code signedEvidence}, base64 DER), its signature checked against the gateway
     * operator's CA of this test PKI.
     */
    public Evidence evidence(JsonNode answer) {
        JsonNode signed = answer.get("signedEvidence");
        if (signed == null) {
            throw new AssertionError("the answer carries no signedEvidence: " + answer);
        }
        return new EvidenceVerifier(new SignerCertificateValidator(TrustAnchors.load(dir.resolve("pki")),
                TestPki.CLOCK)).verify(Base64.getDecoder().decode(signed.asText()));
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    /** An HTTP client presenting {@code party}'s TLS client certificate and trusting the gateway's CA. */
    public static HttpClient client(String party) {
        return client(GatewayTestPki.TLS_CLIENTS.get(party));
    }

    /** An HTTP client presenting {@code tlsClient} (none if null) and trusting the gateway's CA. */
    public static HttpClient client(Credential tlsClient) {
        return HttpClient.newBuilder().sslContext(tls(tlsClient)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An HTTP client that trusts the gateway but presents no client certificate. */
    public static HttpClient clientWithoutCertificate() {
        return HttpClient.newBuilder().sslContext(tls(null)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** TLS presenting {@code tlsClient} (none if null) and trusting only the gateway operator's CA. */
    public static SSLContext tls(Credential tlsClient) {
        try {
            return TlsContexts.client(tlsClient == null ? null : TlsContexts.keyManagers(tlsClient),
                    List.of(GatewayTestPki.GW_ROOT.certificate()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A client of the SOAP API generated from the gateway's WSDL (as a partner would), calling over mutual TLS as
     * {@code party} with MTOM on.
     */
    public EvidenceGatewayPortType soapClient(String party) {
        EvidenceGatewayPortType port = new EvidenceGatewayService().getEvidenceGatewayPort();
        BindingProvider binding = (BindingProvider) port;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                uri(SoapEndpoint.PATH).toString());
        ((SOAPBinding) binding.getBinding()).setMTOMEnabled(true);
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(tls(GatewayTestPki.TLS_CLIENTS.get(party)));
        conduit.setTlsClientParameters(tls);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(10_000);
        policy.setReceiveTimeout(120_000);
        conduit.setClient(policy);
        return port;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /**
     * The settings this gateway was created with on top of the folder's (what a {@link ChildGateway} passes on),
     * its management port among them so that {@link #managementUri} reaches the child too.
     */
    Map<String, String> extraSettings() {
        Map<String, String> settings = new LinkedHashMap<>(extra);
        settings.put(MANAGEMENT_PORT, Integer.toString(managementPort));
        return settings;
    }

    /** For a test class's {@code @AfterAll}: closes {@code gateway} if it started, then {@code others}. */
    public static void close(TestGateway gateway, AutoCloseable... others) throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        for (AutoCloseable other : others) {
            other.close();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** The settings this gateway starts with, on top of the development configuration. */
    public Map<String, String> settings() {
        Path pki = dir.resolve("pki");
        Map<String, String> s = new LinkedHashMap<>();
        s.put("gateway.id", "evgw-test");
        s.put("gateway.data-dir", dataDir().toString());
        s.put("gateway.trust-dir", pki.toString());
        s.put("gateway.decryption-keys", pki.resolve("gateway-enc-rsa") + "," + pki.resolve("gateway-enc-ec"));
        s.put("gateway.evidence-key", pki.resolve("gateway").toString());
        s.put("gateway.parties-file", pki.resolve("parties.yaml").toString());
        s.put("gateway.tls.key", pki.resolve("gateway-tls.p12").toString());
        s.put("gateway.tls.client-key", pki.resolve("gateway-tls.p12").toString());
        s.put("gateway.rest.port", Integer.toString(port));
        s.put("camel.management.port", Integer.toString(managementPort));
        s.putAll(extra);
        // Packages in tests are signed at TestPki.NOW, and the gateway's clock stands there too.
        return s;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
