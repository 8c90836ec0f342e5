package org.evidencegateway.transport.rest;

import jakarta.ws.rs.core.Response;
import org.apache.camel.Exchange;
import org.evidencegateway.audit.AuditorAccess;
import org.evidencegateway.audit.AuditorQueries;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.transport.ClientCertificates;

/**
 * Answers the auditor API ({@link AuditorApi}): lets only auditors in (a refusal is audited), reads the query
 * parameters and renders what {@link AuditorQueries} returns as JSON. A package's trail is sent as the canonical
 * bytes {@code evgw audit prove} writes.
 */
public final class AuditorEdge {
    /** Header carrying the name of the JAX-RS operation called. */
    private static final String OPERATION = "operationName";

    private final AuditorAccess access;
    private final AuditorQueries queries;

    public AuditorEdge(AuditorAccess access, AuditorQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    public Response checkpoint(Exchange exchange) {
        admit(exchange);
        return RestEdge.json(200, RestApi.JSON, queries.latestCheckpoint());
    }

    public Response checkpoints(Exchange exchange) {
        admit(exchange);
        return RestEdge.json(200, RestApi.JSON, queries.checkpoints(number(exchange, "after", -1L)));
    }

    public Response entries(Exchange exchange) {
        admit(exchange);
        return RestEdge.json(200, RestApi.JSON, queries.entries(number(exchange, "start", null),
                number(exchange, "end", null)));
    }

    public Response inclusionProof(Exchange exchange) {
        admit(exchange);
        return RestEdge.json(200, RestApi.JSON, queries.inclusion(number(exchange, "leafIndex", null),
                optionalNumber(exchange, "treeSize")));
    }

    public Response consistencyProof(Exchange exchange) {
        admit(exchange);
        return RestEdge.json(200, RestApi.JSON, queries.consistency(number(exchange, "from", null),
                optionalNumber(exchange, "to")));
    }

    public Response packageTrail(Exchange exchange) {
        admit(exchange);
        String packageId = exchange.getIn().getHeader("packageId", String.class);
        return Response.ok(CanonicalJson.bytes(queries.trail(packageId)), RestApi.JSON).build();
    }

    public Response certificates(Exchange exchange) {
        admit(exchange);
        return RestEdge.json(200, RestApi.JSON, queries.certificates());
    }

    private void admit(Exchange exchange) {
        access.requireAuditor(ClientCertificates.of(exchange), exchange.getIn().getHeader(OPERATION, String.class));
    }

    /** A required integer query parameter, or {@code fallback} if absent (null: required). */
    private static long number(Exchange exchange, String name, Long fallback) {
        Long value = optionalNumber(exchange, name);
        if (value == null && fallback == null) {
            throw new CodedException(ErrorCode.AUDIT_BAD_RANGE, name, "given (a decimal integer)", "nothing");
        }
        return value == null ? fallback : value;
    }

    private static Long optionalNumber(Exchange exchange, String name) {
        String text = exchange.getIn().getHeader(name, String.class);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CodedException(ErrorCode.AUDIT_BAD_RANGE, name, "a decimal integer", "\"" + text + "\"");
        }
    }
}
