package org.evidencegateway.transport.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The administrative REST API for the gateway's operators (parties with the role OPERATOR), on the same mutual-TLS
 * listener as {@link RestApi}: dead letters (docs/rest-api.md, Dead letters). Only the shape lives here: the routes
 * of routes/admin-api.camel.yaml answer every operation.
 */
@Path("/api/v1/admin")
public interface AdminApi {
    /** Every dead letter, or those of one destination case system. */
    @GET
    @Path("/dead-letters")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response listDeadLetters(@QueryParam("destination") String destination);

    /** One dead letter with its package's timeline and evidences. */
    @GET
    @Path("/dead-letters/{packageId}")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response showDeadLetter(@PathParam("packageId") String packageId);

    /** Puts a dead letter back on its destination's queue; the body is {@code {"reason": "..."}}. */
    @POST
    @Path("/dead-letters/{packageId}/replay")
    @Consumes(RestApi.JSON)
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response replayDeadLetter(@PathParam("packageId") String packageId, String body);

    /** Removes a dead letter for good; the body is {@code {"reason": "..."}}. */
    @POST
    @Path("/dead-letters/{packageId}/discard")
    @Consumes(RestApi.JSON)
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response discardDeadLetter(@PathParam("packageId") String packageId, String body);
}
