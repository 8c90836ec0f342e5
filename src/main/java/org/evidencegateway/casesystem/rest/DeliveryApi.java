package org.evidencegateway.casesystem.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The REST delivery contract a case system serves (docs/case-system-integration.md, REST contract), relative to
 * {@code /api/v1}: the gateway POSTs each package to {@code /deliveries}.
 */
@Path("/deliveries")
public interface DeliveryApi {
    String PACKAGE_MEDIA_TYPE = "application/pkcs7-mime";
    String JSON = "application/json";
    String PROBLEM_JSON = "application/problem+json";

    /** Receives one package, its bytes the request body; answers 201 stored, 200 stored before, 4xx/5xx refused. */
    @POST
    @Consumes({PACKAGE_MEDIA_TYPE, "application/octet-stream"})
    @Produces({JSON, PROBLEM_JSON})
    Response deliver(@HeaderParam(DeliveryHeaders.IDEMPOTENCY_KEY) String packageId,
                     @HeaderParam(DeliveryHeaders.SENDER) String sender,
                     @HeaderParam(DeliveryHeaders.RECIPIENT) String recipient,
                     @HeaderParam(DeliveryHeaders.KIND) String kind,
                     @HeaderParam(DeliveryHeaders.CASE_REFERENCE) String caseReference,
                     InputStream body);
}
