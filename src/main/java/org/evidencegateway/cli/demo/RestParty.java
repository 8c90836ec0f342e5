package org.evidencegateway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.evidencegateway.deliver.DeliveryTls;
import org.evidencegateway.trust.TrustAnchors;

/**
 * An agency's system talking to the gateway's REST API (docs/rest-api.md) over mutual TLS with the agency's TLS
 * client key from the development PKI: submit a package (streamed from its file), follow it on the status API,
 * fetch its evidences.
 */
final class RestParty {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String party;
    private final DemoNetwork network;
    private final HttpClient http;

    RestParty(String party, DemoNetwork network, TrustAnchors anchors) {
        this.party = party;
        this.network = network;
        DemoSetup setup = network.setup();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(DeliveryTls.context(setup.key(party + "-tls.p12"), DemoSetup.PASSWORD, anchors)).build();
    }

    String party() {
        return party;
    }

    /** {@code POST /api/v1/packages} with the package file as the body. */
    Answer submit(Path pkg) throws IOException, InterruptedException {
        JsonNode body = send(HttpRequest.newBuilder(network.gatewayUrl("/api/v1/packages"))
                .header("Content-Type", "application/pkcs7-mime")
                .POST(HttpRequest.BodyPublishers.ofFile(pkg)).build());
        byte[] signed = body.hasNonNull("signedEvidence")
                ? Base64.getDecoder().decode(body.get("signedEvidence").asText()) : null;
        return body.has("code") ? Answer.refused(body.get("code").asText(), body.path("detail").asText(), signed)
                : Answer.accepted(body.get("packageId").asText(), body.get("status").asText(), signed);
    }

    /** {@code GET /api/v1/packages/{id}}: status and timeline. */
    JsonNode status(String packageId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(network.gatewayUrl("/api/v1/packages/" + packageId)).GET().build());
    }

    /** Polls the status API until the package reaches DELIVERED or DELIVERY_FAILED, or {@code patience} runs out. */
    JsonNode awaitFinalStatus(String packageId, Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        JsonNode status = status(packageId);
        while (!isFinal(status.path("status").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = status(packageId);
        }
        return status;
    }

    /** {@code GET /api/v1/packages/{id}/evidences}: every signed evidence of the package, oldest first (DER). */
    List<byte[]> evidences(String packageId) throws IOException, InterruptedException {
        JsonNode body = send(HttpRequest.newBuilder(network.gatewayUrl("/api/v1/packages/" + packageId
                + "/evidences")).GET().build());
        List<byte[]> signed = new ArrayList<>();
        body.path("evidences").forEach(e -> signed.add(Base64.getDecoder().decode(e.get("signedEvidence").asText())));
        return signed;
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " with a body that is not JSON: " + response.body(), e);
        }
    }

    private static boolean isFinal(String status) {
        return status.equals("DELIVERED") || status.equals("DELIVERY_FAILED");
    }
}
