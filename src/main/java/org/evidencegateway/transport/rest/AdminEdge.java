package org.evidencegateway.transport.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.evidencegateway.deliver.DeadLetter;
import org.evidencegateway.deliver.DeadLetterOperations;
import org.evidencegateway.deliver.DeadLetterOperations.Action;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.json.CanonicalJson;
import org.evidencegateway.party.PartyRegistry;
import org.evidencegateway.party.RegisteredParty;
import org.evidencegateway.party.Role;
import org.evidencegateway.transport.ClientCertificates;
import org.evidencegateway.transport.IngestEdge;
import org.evidencegateway.transport.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel side of the admin API: admits operators only (by the party of the TLS client certificate), hands each
 * operation to {@link DeadLetterOperations} with the operator's party id as the actor, renders the answers as JSON,
 * and records every refused admin request in the audit log before it is answered.
 */
public final class AdminEdge {
    /** Exchange property holding the party id of the admitted operator. */
    public static final String OPERATOR = "evgwOperator";

    private static final Logger LOG = LoggerFactory.getLogger(AdminEdge.class);
    private static final String PACKAGE_ID = "packageId";
    private static final String DESTINATION = "destination";

    private final Supplier<PartyRegistry> parties;
    private final DeadLetterOperations operations;

    public AdminEdge(Supplier<PartyRegistry> parties, DeadLetterOperations operations) {
        this.parties = parties;
        this.operations = operations;
    }

    /**
     * Admits the TLS client if its party has the role OPERATOR.
     *
     * @throws CodedException {@code EGW-OPS-005} (403) for any other party
     */
    public void requireOperator(Exchange exchange) {
        RegisteredParty party = parties.get().requireTlsClient(ClientCertificates.of(exchange));
        if (party.role() != Role.OPERATOR) {
            throw new CodedException(ErrorCode.OPS_NOT_OPERATOR, party.id(), party.role(),
                    action(exchange).word() + " dead letters");
        }
        exchange.setProperty(OPERATOR, party.id());
    }

    public Response list(Exchange exchange) {
        String destination = exchange.getIn().getHeader(DESTINATION, String.class);
        return RestEdge.json(200, RestApi.JSON, Map.of("deadLetters",
                operations.list(destination == null || destination.isBlank() ? null : destination)));
    }

    public Response show(Exchange exchange) {
        return RestEdge.json(200, RestApi.JSON, operations.show(packageId(exchange)));
    }

    public Response replay(Exchange exchange) {
        String reason = reason(exchange, Action.REPLAY);
        DeadLetter letter = operations.replay(packageId(exchange), operator(exchange), reason);
        LOG.info("dead letter {} replayed to {} by {}: {}", letter.packageId(), letter.destination(),
                operator(exchange), reason);
        return RestEdge.json(200, RestApi.JSON, letter);
    }

    public Response discard(Exchange exchange) {
        String reason = reason(exchange, Action.DISCARD);
        DeadLetter letter = operations.discard(packageId(exchange), operator(exchange), reason);
        LOG.info("dead letter {} of {} discarded by {}: {}", letter.packageId(), letter.destination(),
                operator(exchange), reason);
        return RestEdge.json(200, RestApi.JSON, letter);
    }

    /**
     * The failure of an admin request as a refusal, recorded first: one audit entry naming the client's party (or
     * its certificate's subject), the action, the package and the code.
     */
    public Refusal refuse(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        CodedException coded = IngestEdge.coded(failure);
        String actor = actor(exchange);
        operations.refused(action(exchange), actor, packageIdOrNull(exchange), coded);
        if (coded.code().httpStatus() >= 500) {
            LOG.error("admin request {} by {} failed: {} {}", action(exchange).word(), actor, coded.code().code(),
                    coded.getMessage(), failure);
        } else {
            LOG.info("refused admin request {} by {}: {} {}", action(exchange).word(), actor, coded.code().code(),
                    coded.getMessage());
        }
        return new Refusal(coded, null);
    }

    private static Action action(Exchange exchange) {
        String operation = exchange.getIn().getHeader("operationName", String.class);
        for (Action a : Action.values()) {
            if (operation != null && operation.toUpperCase(java.util.Locale.ROOT).startsWith(a.name())) {
                return a;
            }
        }
        throw new IllegalStateException("no dead-letter action for operation " + operation);
    }

    private String actor(Exchange exchange) {
        String operator = exchange.getProperty(OPERATOR, String.class);
        if (operator != null) {
            return operator;
        }
        try {
            X509Certificate client = ClientCertificates.of(exchange);
            return parties.get().requireTlsClient(client).id();
        } catch (CodedException e) {
            return "unknown TLS client";
        }
    }

    private static String operator(Exchange exchange) {
        return exchange.getProperty(OPERATOR, String.class);
    }

    /** The {packageId} of the path; text that is no UUID names no recorded package ({@code EGW-OPS-001}). */
    private static UUID packageId(Exchange exchange) {
        String text = exchange.getIn().getHeader(PACKAGE_ID, String.class);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CodedException(ErrorCode.OPS_UNKNOWN_PACKAGE, text);
        }
    }

    private static UUID packageIdOrNull(Exchange exchange) {
        try {
            return packageId(exchange);
        } catch (CodedException e) {
            return null;
        }
    }

    /** The {@code reason} member of the JSON body; missing or malformed: {@code EGW-OPS-004}. */
    private static String reason(Exchange exchange, Action action) {
        String body = exchange.getIn().getBody(String.class);
        try {
            JsonNode reason = body == null || body.isBlank() ? null : CanonicalJson.MAPPER.readTree(body).get("reason");
            if (reason == null || !reason.isTextual()) {
                throw new CodedException(ErrorCode.OPS_REASON_REQUIRED, action.word(),
                        DeadLetterOperations.MAX_REASON_LENGTH, "the body has no \"reason\" string");
            }
            return reason.asText();
        } catch (JsonProcessingException e) {
            throw new CodedException(ErrorCode.OPS_REASON_REQUIRED, action.word(),
                    DeadLetterOperations.MAX_REASON_LENGTH, "the body is not JSON: " + e.getOriginalMessage());
        }
    }
}
