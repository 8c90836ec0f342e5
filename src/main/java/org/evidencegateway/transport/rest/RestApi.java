package org.evidencegateway.transport.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The REST API partners call (see docs/rest-api.md and the OpenAPI document it serves). Only the shape lives here:
 * Camel routes answer every operation.
 */
@Path("/api/v1")
public interface RestApi {
    String PACKAGE_MEDIA_TYPE = "application/pkcs7-mime";
    String JSON = "application/json";
    String PROBLEM_JSON = "application/problem+json";

    /** Submits a package; its bytes are the request body. */
    @POST
    @Path("/packages")
    @Consumes({PACKAGE_MEDIA_TYPE, "application/octet-stream"})
    @Produces({JSON, PROBLEM_JSON})
    Response submitPackage(InputStream body);

    /** Status and timeline of a package. */
    @GET
    @Path("/packages/{packageId}")
    @Produces({JSON, PROBLEM_JSON})
    Response packageStatus(@PathParam("packageId") String packageId);

    /** Every signed evidence issued for a package. */
    @GET
    @Path("/packages/{packageId}/evidences")
    @Produces({JSON, PROBLEM_JSON})
    Response packageEvidences(@PathParam("packageId") String packageId);

    /** The OpenAPI 3 document of this API. */
    @GET
    @Path("/openapi.yaml")
    @Produces("application/yaml")
    Response openApi();
}
