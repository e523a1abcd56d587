package com.esigngateway.vendor.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.esigngateway.vendor.model.VendorInviteRequest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * The vendor endpoints the gateway uses. Answers come back raw (status and text) because the vendor
 * reports errors as {@code "Error: …"} text, often with HTTP 200: the call pipeline classifies them.
 * {@code Authorization} carries the raw value, without a scheme, as the vendor wants it.
 */
@Path("rest/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface VendorRestClient {

    String REQUEST_ID = "X-Request-Id";

    @GET
    @Path("encrypt/{plainText}/{salt}")
    Uni<RestResponse<String>> encrypt(@PathParam("plainText") String plainText, @PathParam("salt") String salt,
            @HeaderParam(REQUEST_ID) String requestId);

    @GET
    @Path("gettoken/{salt}")
    Uni<RestResponse<String>> getToken(@PathParam("salt") String salt,
            @HeaderParam("Authorization") String encryptedApiKey, @HeaderParam(REQUEST_ID) String requestId);

    @POST
    @Path("sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<String>> createSession(@HeaderParam("Authorization") String token,
            @HeaderParam(REQUEST_ID) String requestId, @HeaderParam("Content-Length") long contentLength,
            Multi<Buffer> body);

    @GET
    @Path("landingurl")
    Uni<RestResponse<String>> landingUrl(@HeaderParam("Authorization") String token,
            @HeaderParam(REQUEST_ID) String requestId);

    @GET
    @Path("sessions/{sessionId}")
    Uni<RestResponse<String>> getSession(@HeaderParam("Authorization") String token,
            @PathParam("sessionId") String sessionId, @HeaderParam(REQUEST_ID) String requestId);

    /** GetSessionsLiteByTransactionId: pages count from 0, at most 50 sessions each. */
    @GET
    @Path("sessions/lite/{userName}/{transactionId}/{pageSize}/{pageNum}/sortBy")
    Uni<RestResponse<String>> getSessionsLite(@HeaderParam("Authorization") String token,
            @PathParam("userName") String userName, @PathParam("transactionId") String transactionId,
            @PathParam("pageSize") int pageSize, @PathParam("pageNum") int pageNum,
            @QueryParam("colName") String sortColumn, @QueryParam("sortOrder") String sortOrder,
            @HeaderParam(REQUEST_ID) String requestId);

    /** CancelSession: a PUT with an empty body. */
    @PUT
    @Path("sessions/{sessionId}/cancel")
    Uni<RestResponse<String>> cancelSession(@HeaderParam("Authorization") String token,
            @PathParam("sessionId") String sessionId, @QueryParam("returnURL") String returnUrl,
            @HeaderParam(REQUEST_ID) String requestId);

    @PUT
    @Path("signers/invite")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<String>> sendSignerInvites(@HeaderParam("Authorization") String token,
            @HeaderParam(REQUEST_ID) String requestId, VendorInviteRequest request);

    @GET
    @Path("signers/{signerId}/token")
    Uni<RestResponse<String>> signerInviteToken(@HeaderParam("Authorization") String token,
            @PathParam("signerId") String signerId, @HeaderParam(REQUEST_ID) String requestId);

    @GET
    @Path("sessions/{sessionId}/actionlogs")
    Uni<RestResponse<String>> actionLogs(@HeaderParam("Authorization") String token,
            @PathParam("sessionId") String sessionId, @HeaderParam(REQUEST_ID) String requestId);
}
