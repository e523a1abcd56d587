package com.esigngateway.vendor.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * The vendor endpoints the gateway uses. Answers come back raw (status and text) because the vendor
 * reports errors as {@code "Error: …"} text, often with HTTP 200: {@link VendorAnswers} classifies them.
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
}
