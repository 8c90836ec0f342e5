package org.evidencegateway.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.evidencegateway.evidence.EvidenceRendering;
import org.evidencegateway.evidence.SignedEvidence;

/**
 * POSTs one evidence to a party's callback over HTTPS, with the gateway's TLS client key (docs/rest-api.md,
 * Callbacks): a JSON body of {@code packageId}, {@code evidence} and {@code signedEvidence}, and the header
 * {@code Idempotency-Key: <evidenceId>}.
 */
public final class CallbackClient implements CallbackPoster {
    /** The header naming the evidence, so that a receiver can drop a notification it has seen. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final Duration timeout;

    /** @param tls the gateway's TLS client key and the roots it trusts (the delivery TLS) */
    public CallbackClient(SSLContext tls, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** Sends the evidence once; a failure is the status and the start of the answer, or the connection's failure. */
    @Override
    public String post(URI url, UUID packageId, SignedEvidence evidence) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, evidence.statement().evidenceId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(packageId, evidence))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            String answer = response.body() == null ? "" : response.body().strip();
            return "HTTP " + response.statusCode() + (answer.isEmpty() ? ""
                    : ": " + answer.substring(0, Math.min(answer.length(), 200)));
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The JSON body: {@code packageId}, then the members the REST API renders an evidence with. */
    static byte[] body(UUID packageId, SignedEvidence evidence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("packageId", packageId);
        body.putAll(EvidenceRendering.members(evidence));
        try {
            return EvidenceRendering.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an evidence cannot be rendered: " + e.getMessage(), e);
        }
    }
}
