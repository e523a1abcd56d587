package com.esigngateway.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.esigngateway.api.generated.SigningSessionsApi;
import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.security.Roles;
import com.esigngateway.session.CreateSigningSession;

import org.jboss.logging.MDC;

import io.smallrye.mutiny.Uni;

/** {@code POST /v1/signing-sessions}, as the contract in {@code openapi/esign-gateway.yaml} defines it. */
@RolesAllowed(Roles.SIGNING_SESSIONS)
public class SigningSessionResource implements SigningSessionsApi {

    static final String REPLAYED = "Idempotent-Replayed";
    public static final String CLIENT_MDC_KEY = "client";

    private final CreateSigningSession service;
    private final Callers callers;

    SigningSessionResource(CreateSigningSession service, Callers callers) {
        this.service = service;
        this.callers = callers;
    }

    @Override
    public Uni<Response> createSigningSession(CreateSigningSessionRequest request, String idempotencyKey,
            String requestId) {
        String caller = callers.current();
        MDC.put(CLIENT_MDC_KEY, caller);
        return service.create(request, caller, idempotencyKey, requestId).map(outcome -> {
            Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                    .header("Location", "/v1/signing-sessions/"
                            + URLEncoder.encode(outcome.session().getId(), StandardCharsets.UTF_8))
                    .type(MediaType.APPLICATION_JSON)
                    .entity(outcome.session());
            if (outcome.replayed()) {
                response.header(REPLAYED, "true");
            }
            return response.build();
        });
    }
}
