package org.evidencegateway.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.trust.Credential;
import org.evidencegateway.trust.KeyReferences;
import org.evidencegateway.trust.Pem;
import org.evidencegateway.trust.TlsContexts;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How an operator's command reaches the gateway's admin REST API: over mutual TLS with the operator's TLS key,
 * trusting only the gateway's TLS root. Options shared by every {@code evgw dlq} command.
 */
final class AdminClient {

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "https://127.0.0.1:8443",
            description = "The gateway's HTTPS listener (default: ${DEFAULT-VALUE}).")
    URI gateway;

    @Option(names = "--key", paramLabel = "KEY", defaultValue = "certs/operator-tls",
            description = "The operator's TLS client key: PEM pair prefix (KEY.crt.pem + KEY.key.pem) or a .p12 file "
                    + "(default: ${DEFAULT-VALUE}).")
    String key;

    @Mixin
    P12Password p12Password;

    @Option(names = "--trust", paramLabel = "PEM", defaultValue = "certs/gw-root-ca.crt.pem",
            description = "Root certificate(s) the gateway's TLS certificate must chain to (default: ${DEFAULT-VALUE}).")
    Path trust;

    /** An answer of the gateway: its HTTP status and its JSON body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer post(String path, Map<String, String> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.MAPPER.writeValueAsString(body))));
    }

    static String query(String name, String value) {
        return value == null ? "" : "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(tls()).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(request.header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private URI uri(String path) {
        String base = gateway.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/v1/admin" + path);
    }

    private SSLContext tls() throws IOException {
        Credential operator = KeyReferences.load(key, p12Password.value);
        List<X509Certificate> roots = Pem.readCertificates(trust);
        try {
            return TlsContexts.client(TlsContexts.keyManagers(operator), roots);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with " + key + " and " + trust + ": " + e.getMessage(), e);
        }
    }
}
