package org.evidencegateway.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.evidencegateway.casesystem.rest.DeliveryHeaders;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.receive.ClaimCheck;

/**
 * The REST delivery contract: {@code POST} of the package file to the case system's endpoint over mutual TLS, with
 * {@code Idempotency-Key} and the {@code Evgw-*} metadata headers. 2xx is delivered, 4xx a permanent refusal,
 * anything else (5xx, timeout, connection or TLS failure) is retried.
 */
public final class RestCaseSystemClient implements CaseSystemClient {
    private static final String CONTENT_TYPE = "application/pkcs7-mime; smime-type=authEnveloped-data";

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout longest time one attempt may take, upload and answer included */
    public RestCaseSystemClient(SSLContext tls, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.timeout = timeout;
    }

    @Override
    public DeliveryOutcome deliver(Reenveloped pkg) {
        DeliveryAttempt attempt = pkg.attempt();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request(pkg), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw TransientDeliveryException.unavailable(attempt.caseSystem().id(), "POST " + endpoint(attempt) + ": "
                    + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TransientDeliveryException.unavailable(attempt.caseSystem().id(), "POST " + endpoint(attempt)
                    + " interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered(attempt, acknowledgement(attempt, response.body()));
        }
        if (status >= 400 && status < 500) {
            return refusal(attempt, status, response.body());
        }
        throw TransientDeliveryException.unavailable(attempt.caseSystem().id(), "POST " + endpoint(attempt)
                + " answered HTTP " + status, null);
    }

    private HttpRequest request(Reenveloped pkg) throws IOException {
        ClaimCheck check = pkg.attempt().check();
        return HttpRequest.newBuilder(pkg.attempt().caseSystem().delivery().endpoint()).timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header(DeliveryHeaders.IDEMPOTENCY_KEY, check.packageId().toString())
                .header(DeliveryHeaders.SENDER, check.sender())
                .header(DeliveryHeaders.RECIPIENT, check.recipient())
                .header(DeliveryHeaders.KIND, check.kind())
                .header(DeliveryHeaders.CASE_REFERENCE, DeliveryHeaders.encode(check.caseReference()))
                .POST(HttpRequest.BodyPublishers.ofFile(pkg.file())).build();
    }

    /** The signed acknowledgement of a 2xx answer, or null if it carries none (still delivered). */
    private static byte[] acknowledgement(DeliveryAttempt attempt, byte[] body) {
        JsonNode signed = json(body).path("signedAcknowledgement");
        if (signed.isMissingNode() || signed.isNull()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(signed.asText());
        } catch (IllegalArgumentException e) {
            throw AcknowledgementCheck.unreadable(attempt, "signedAcknowledgement is not base64: " + e.getMessage());
        }
    }

    /** A 4xx answer: the problem document's code and detail, or the status alone if there is none. */
    private static DeliveryOutcome refusal(DeliveryAttempt attempt, int status, byte[] body) {
        JsonNode problem = json(body);
        String code = problem.path("code").asText("");
        String detail = problem.path("detail").asText("");
        if (code.startsWith("EGW-")) {
            return DeliveryOutcome.refused(attempt, code, detail);
        }
        return DeliveryOutcome.refused(attempt, ErrorCode.DLV_REFUSED.code(), ErrorCode.DLV_REFUSED.format(
                attempt.caseSystem().id(), "HTTP " + status + (detail.isEmpty() ? "" : " " + detail)));
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = CanonicalJson.MAPPER.readTree(body);
            return node == null ? CanonicalJson.MAPPER.missingNode() : node;
        } catch (IOException e) {
            return CanonicalJson.MAPPER.missingNode();
        }
    }

    private static String endpoint(DeliveryAttempt attempt) {
        return attempt.caseSystem().delivery().endpoint().toString();
    }
}
