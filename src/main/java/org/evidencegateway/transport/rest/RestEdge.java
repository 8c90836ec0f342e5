package org.evidencegateway.transport.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.evidence.EvidenceRendering;
import org.evidencegateway.evidence.SignedEvidence;
import org.evidencegateway.receive.PackageQueries;
import org.evidencegateway.receive.PackageView;
import org.evidencegateway.receive.Receipt;
import org.evidencegateway.transport.ClientCertificates;
import org.evidencegateway.transport.Refusal;

/**
 * Renders the REST API's answers: receipts as JSON (202 for a new package, 200 for a repeated one), refusals as
 * RFC 9457 problem documents carrying the error code and, for a refused submission, the signed rejection.
 */
public final class RestEdge {
    /** Where the OpenAPI document is on the class path. */
    public static final String OPENAPI = "/org/evidencegateway/transport/rest/openapi.yaml";

    /** Header carrying the {packageId} path parameter. */
    private static final String PACKAGE_ID = "packageId";
    private static final ObjectMapper JSON = EvidenceRendering.JSON;

    private final PackageQueries queries;

    public RestEdge(PackageQueries queries) {
        this.queries = queries;
    }

    public Response accepted(Receipt receipt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("packageId", receipt.packageId());
        body.put("status", receipt.status());
        body.put("receivedAt", receipt.receivedAt());
        body.put("packageSha256", receipt.packageSha256());
        body.put("duplicate", receipt.duplicate());
        body.putAll(evidence(receipt.evidence()));
        return json(receipt.duplicate() ? 200 : 202, RestApi.JSON, body);
    }

    public Response problem(Refusal refusal) {
        CodedException reason = refusal.reason();
        ErrorCode code = reason.code();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:evidence-gateway:error:" + code.code());
        body.put("title", code.category().name().toLowerCase(java.util.Locale.ROOT) + " error");
        body.put("status", code.httpStatus());
        body.put("code", code.code());
        body.put("detail", reason.getMessage());
        if (refusal.evidence() != null) {
            body.putAll(evidence(refusal.evidence()));
        }
        return json(code.httpStatus(), RestApi.PROBLEM_JSON, body);
    }

    public Response status(Exchange exchange) {
        String packageId = exchange.getIn().getHeader(PACKAGE_ID, String.class);
        PackageView view = queries.status(ClientCertificates.of(exchange), PackageQueries.packageId(packageId));
        return json(200, RestApi.JSON, view);
    }

    public Response evidences(Exchange exchange) {
        String packageId = exchange.getIn().getHeader(PACKAGE_ID, String.class);
        List<SignedEvidence> evidences = queries.evidences(ClientCertificates.of(exchange), PackageQueries.packageId(packageId));
        return json(200, RestApi.JSON, Map.of("packageId", packageId,
                "evidences", evidences.stream().map(RestEdge::evidence).toList()));
    }

    public Response openApi() {
        try (InputStream in = RestEdge.class.getResourceAsStream(OPENAPI)) {
            return Response.ok(in.readAllBytes(), "application/yaml").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> evidence(SignedEvidence evidence) {
        return EvidenceRendering.members(evidence);
    }

    /** A JSON answer; also used by the other edges of this API. */
    static Response json(int status, String mediaType, Object body) {
        try {
            return Response.status(status).type(mediaType).entity(JSON.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
