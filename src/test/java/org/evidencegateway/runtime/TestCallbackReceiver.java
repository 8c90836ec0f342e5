package org.evidencegateway.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A party's evidence callback for tests: an HTTPS server (key issued by the Kazakh test root, which the gateway
 * trusts) that answers 503 while {@linkplain #down() down} and 204 once {@linkplain #up() up}, and keeps every
 * notification it took, by path.
 */
public final class TestCallbackReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A notification taken (answered 204): the request path, its Idempotency-Key header and its JSON body. */
    public record Notification(String path, String idempotencyKey, JsonNode body) {
    }

    private final HttpsServer server;
    private final AtomicBoolean available = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<Notification> taken = new CopyOnWriteArrayList<>();

    private TestCallbackReceiver(HttpsServer server) {
        this.server = server;
    }

    /** Starts on a free port of 127.0.0.1, down. */
    public static TestCallbackReceiver start() {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(TestGateway.tls(
                    TestCaseSystem.serverTls(GatewayTestPki.PKI.kzRoot(), "callback-tls"))));
            TestCallbackReceiver receiver = new TestCallbackReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The callback URL of {@code party} on this receiver. */
    public String url(String party) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/" + party;
    }

    public void down() {
        available.set(false);
    }

    public void up() {
        available.set(true);
    }

    /** Requests answered 503 so far. */
    public int refused() {
        return refused.get();
    }

    /** Every notification taken so far, in order of arrival. */
    public List<Notification> taken() {
        return List.copyOf(taken);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            if (!available.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            taken.add(new Notification(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), JSON.readTree(bytes)));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
