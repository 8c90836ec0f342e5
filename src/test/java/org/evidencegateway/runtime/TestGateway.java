package org.evidencegateway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.TestPki;

/**
 * A real gateway for integration tests: the development configuration with its keys from {@link GatewayTestPki},
 * its data (H2 file database, package store, Artemis journal) under a test folder, its HTTPS port free, and its
 * clock at {@link TestPki#NOW}. Extra settings (limits, thresholds) come on top of those. The management server
 * (health, metrics) listens on a free localhost port. Restartable on the same folder, to test what survives a
 * restart, and with changed settings.
 */
public final class TestGateway implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int managementPort;
    private final Map<String, String> extra;
    private Gateway gateway;

    private TestGateway(Path dir, Map<String, String> extra) {
        this.dir = dir;
        this.port = freePort();
        this.managementPort = freePort();
        this.extra = Map.copyOf(extra);
    }

    /** Writes keys and registry into {@code dir} and starts a gateway on them. */
    public static TestGateway start(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    /** Same as {@link #start(Path)}, with {@code extra} settings ({@code gateway.*} or {@code camel.*}) on top. */
    public static TestGateway start(Path dir, Map<String, String> extra) throws Exception {
        GatewayTestPki.write(dir.resolve("pki"));
        return new TestGateway(dir, extra).startAgain();
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

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    /** An address on the management server (plain HTTP), e.g. {@code /observe/health}. */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    /** An HTTP client presenting {@code party}'s TLS client certificate and trusting the gateway's CA. */
    public static HttpClient client(String party) {
        return client(GatewayTestPki.TLS_CLIENTS.get(party));
    }

    public static HttpClient client(Credential tlsClient) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", tlsClient.privateKey(), GatewayTestPki.PASSWORD.toCharArray(),
                    tlsClient.chain().toArray(java.security.cert.Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, GatewayTestPki.PASSWORD.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("gw-root-ca", GatewayTestPki.GW_ROOT.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private Map<String, String> settings() {
        Path pki = dir.resolve("pki");
        Map<String, String> s = new LinkedHashMap<>();
        s.put("gateway.id", "evgw-test");
        s.put("gateway.data-dir", dataDir().toString());
        s.put("gateway.trust-dir", pki.toString());
        s.put("gateway.decryption-keys", pki.resolve("gateway-enc-rsa") + "," + pki.resolve("gateway-enc-ec"));
        s.put("gateway.evidence-key", pki.resolve("gateway").toString());
        s.put("gateway.parties-file", pki.resolve("parties.yaml").toString());
        s.put("gateway.tls.key", pki.resolve("gateway-tls.p12").toString());
        s.put("gateway.rest.port", Integer.toString(port));
        s.put("camel.management.port", Integer.toString(managementPort));
        // Packages in tests are signed at TestPki.NOW, and the gateway's clock stands there too.
        s.putAll(extra);
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
