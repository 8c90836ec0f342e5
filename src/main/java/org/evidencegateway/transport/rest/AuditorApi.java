package org.evidencegateway.transport.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The auditor API (docs/audit-log.md §12, docs/rest-api.md): the audit log's checkpoints, entries and proofs, for
 * parties with role AUDITOR over the same mutual-TLS listener. Only the shape lives here: the routes of
 * {@code routes/auditor-api.camel.yaml} answer every operation. Parameters arrive as text so that a malformed
 * one is answered with the log's own error code.
 */
@Path("/api/v1/audit")
public interface AuditorApi {
    /** The checkpoint of the largest tree size, with its RFC 3161 timestamp if it has one. */
    @GET
    @Path("/checkpoint")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response auditCheckpoint();

    /** The next checkpoints (at most 100) of tree sizes greater than {@code after}. */
    @GET
    @Path("/checkpoints")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response auditCheckpoints(@QueryParam("after") String after);

    /** Entries [start, end), at most 1000, exactly as stored. */
    @GET
    @Path("/entries")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response auditEntries(@QueryParam("start") String start, @QueryParam("end") String end);

    /** The inclusion proof of a leaf in a tree size (default: the latest checkpoint's). */
    @GET
    @Path("/proofs/inclusion")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response auditInclusionProof(@QueryParam("leafIndex") String leafIndex, @QueryParam("treeSize") String treeSize);

    /** The consistency proof between two tree sizes ({@code to} defaults to the latest checkpoint's). */
    @GET
    @Path("/proofs/consistency")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response auditConsistencyProof(@QueryParam("from") String from, @QueryParam("to") String to);

    /** Every entry of one package with its inclusion proof against the latest checkpoint: a proof file. */
    @GET
    @Path("/packages/{packageId}/trail")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response auditPackageTrail(@PathParam("packageId") String packageId);

    /** The checkpoint signer's certificate chain and the TSA's certificates, as PEM. */
    @GET
    @Path("/certificates")
    @Produces({RestApi.JSON, RestApi.PROBLEM_JSON})
    Response auditCertificates();
}
