package org.evidencegateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.evidencegateway.audit.format.TimestampVerifier;
import org.evidencegateway.store.TestDatabases;
import org.evidencegateway.trust.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpTsa} against a small RFC 3161 TSA over HTTP on localhost (the JDK's HTTP server answering with
 * {@link EmbeddedTsa}'s responses): tokens that verify, and a log that keeps issuing checkpoints while the TSA is
 * unreachable and has them timestamped once it answers again.
 */
class HttpTsaTest {
    private final EmbeddedTsa tsa = new EmbeddedTsa(LedgerKeys.shared().tsa(), new MutableClock(TestPki.NOW));
    private HttpServer server;

    /** Serves RFC 3161 §3.4 on {@code port} (0: any free one); {@code status} other than 200 refuses every request. */
    private URI serve(int port, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/tsa", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                boolean query = "application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
                byte[] answer = status == 200 && query ? tsa.exchange(in.readAllBytes())
                        : "refused".getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().set("Content-Type",
                        status == 200 && query ? "application/timestamp-reply" : "text/plain");
                exchange.sendResponseHeaders(status == 200 && !query ? 415 : status, answer.length);
                out.write(answer);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void timestamp_throughAnHttpTsa_isATokenThatVerifiesAgainstTheTsaRoot() throws Exception {
        URI url = serve(0, 200);
        byte[] note = "evidence-gateway.invalid/test/audit\n1\nAAAA\n".getBytes(StandardCharsets.UTF_8);

        byte[] response = new Timestamper(new HttpTsa(url)).timestamp(note);

        Instant at = new TimestampVerifier(LedgerKeys.shared().root().certificate()).verify(response, note);
        assertThat(at).isEqualTo(TestPki.NOW);
    }

    @Test
    void timestamp_fromATsaAnsweringAnError_failsNamingTheAnswer() throws Exception {
        URI url = serve(0, 503);

        assertThatThrownBy(() -> new Timestamper(new HttpTsa(url)).timestamp(new byte[] {1}))
                .isInstanceOf(IOException.class).hasMessageContaining("answered HTTP 503");
    }

    @Test
    void checkpoint_whileTheHttpTsaIsUnreachable_isIssued_andTimestampedOnceItAnswers() throws Exception {
        // Given a TSA URL on which nothing listens any more
        URI url = serve(0, 200);
        int port = server.getAddress().getPort();
        server.stop(0);
        try (TestLedger ledger = new TestLedger(TestDatabases.Kind.H2, new HttpTsa(url), 5)) {
            ledger.append(5);

            // When a tick is due, Then the checkpoint is issued all the same and stays pending
            CheckpointScheduler.Tick down = ledger.scheduler.tick();
            assertThat(down.issuedTreeSize()).contains(5L);
            assertThat(down.timestamped()).isZero();
            assertThat(down.stillPending()).isEqualTo(1);

            // And once the TSA answers again, the next tick timestamps it (and the next checkpoint)
            serve(port, 200);
            ledger.append(5);
            CheckpointScheduler.Tick up = ledger.scheduler.tick();
            assertThat(up.issuedTreeSize()).contains(10L);
            assertThat(up.timestamped()).isEqualTo(2);
            assertThat(ledger.tx.inTransaction(LedgerReader::pendingTimestamps)).isEmpty();
        }
    }
}
