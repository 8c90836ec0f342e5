package org.evidencegateway.casesystem.rest;

import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.evidencegateway.casesystem.Delivered;
import org.evidencegateway.casesystem.DeliveryMetadata;
import org.evidencegateway.casesystem.DeliveryReceiver;
import org.evidencegateway.casesystem.Refusals;
import org.evidencegateway.error.CodedException;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.json.CanonicalJson;

/** The reference receiver's REST edge: headers and body in, the acknowledgement or an RFC 9457 problem out. */
public final class DeliveryResource implements DeliveryApi {
    private final DeliveryReceiver receiver;

    public DeliveryResource(DeliveryReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public Response deliver(String packageId, String sender, String recipient, String kind, String caseReference,
                            InputStream body) {
        try {
            DeliveryMetadata metadata = DeliveryMetadata.of(packageId, sender, recipient, kind, decode(caseReference));
            Delivered delivered = receiver.receive(metadata, body);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("packageId", delivered.acknowledgement().statement().packageId());
            answer.put("duplicate", delivered.duplicate());
            answer.put("acknowledgement", delivered.acknowledgement().statement());
            answer.put("signedAcknowledgement", Base64.getEncoder().encodeToString(delivered.acknowledgement().signed()));
            return json(delivered.duplicate() ? 200 : 201, JSON, answer);
        } catch (RuntimeException e) {
            return problem(Refusals.coded(e));
        }
    }

    private static String decode(String caseReference) {
        try {
            return DeliveryHeaders.decode(caseReference);
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.DLV_METADATA, DeliveryHeaders.CASE_REFERENCE,
                    "UTF-8 percent-encoded text", e.getMessage());
        }
    }

    private static Response problem(CodedException reason) {
        ErrorCode code = reason.code();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:evidence-gateway:error:" + code.code());
        body.put("title", code.category().name().toLowerCase(Locale.ROOT) + " error");
        body.put("status", code.httpStatus());
        body.put("code", code.code());
        body.put("detail", reason.getMessage());
        return json(code.httpStatus(), PROBLEM_JSON, body);
    }

    private static Response json(int status, String mediaType, Object body) {
        try {
            return Response.status(status).type(mediaType).entity(CanonicalJson.MAPPER.writeValueAsBytes(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an answer is not representable as JSON", e);
        }
    }
}
