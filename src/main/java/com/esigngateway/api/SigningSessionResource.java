package com.esigngateway.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.esigngateway.api.generated.SigningSessionsApi;
import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.security.Roles;
import com.esigngateway.session.SigningSessionService;

import org.jboss.logging.MDC;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * {@code POST /v1/signing-sessions}, as the contract in {@code openapi/esign-gateway.yaml} defines it. The body
 * has been received by {@link RequestBodies} and is parsed on a worker ({@code @Blocking}); the session is then
 * created back on the request's event loop, as every non-blocking endpoint's work is.
 */
@RolesAllowed(Roles.SIGNING_SESSIONS)
public class SigningSessionResource implements SigningSessionsApi {

    static final String REPLAYED = "Idempotent-Replayed";
    public static final String CLIENT_MDC_KEY = "client";

    private final SigningSessionService service;
    private final Callers callers;

    SigningSessionResource(SigningSessionService service, Callers callers) {
        this.service = service;
        this.callers = callers;
    }

    @Override
    @Blocking
    public Uni<Response> createSigningSession(CreateSigningSessionRequest request, String idempotencyKey,
            String requestId) {
        String caller = callers.current();
        MDC.put(CLIENT_MDC_KEY, caller);
        return onEventLoop(service.create(request, caller, idempotencyKey, requestId)).map(outcome -> {
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

    /** Subscribes on the request's own Vert.x context (its event loop), where the vendor pipeline expects to run. */
    private static <T> Uni<T> onEventLoop(Uni<T> work) {
        Context context = Vertx.currentContext();
        return context == null ? work : work.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
