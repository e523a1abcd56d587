package com.esigngateway.simulator;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.esigngateway.config.SimulatorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The simulated vendor's calls about existing sessions, one handler each: GetSession, GetSessionsLiteByTransactionId,
 * CancelSession, PurgeSessionDocs, CancelPurgingSession, GetSessionFiles (at the gateway's default path), GetSignerDocuments, Update
 * Signers, SendSignerEmailInvites,
 * GetSignerInviteToken and GetSessionActionLogs. Each checks the token and takes the injected faults like the other simulator routes.
 */
@ApplicationScoped
public class SessionLifecycleRoutes {

    private final SimulatorConfig config;
    private final SimulatedVendor vendor;
    private final SimulatorRoutes routes;
    private final ObjectMapper mapper;

    SessionLifecycleRoutes(SimulatorConfig config, SimulatedVendor vendor, SimulatorRoutes routes, ObjectMapper mapper) {
        this.config = config;
        this.vendor = vendor;
        this.routes = routes;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        String rest = SimulatorRoutes.BASE + "/rest/v1";
        router.route(HttpMethod.GET, rest + "/sessions/lite/:userName/:transactionId/:pageSize/:pageNum/sortBy")
                .handler(rc -> answer(rc, () -> vendor.sessionsByTransaction(rc.pathParam("userName"),
                        rc.pathParam("transactionId"), number(rc.pathParam("pageSize")), number(rc.pathParam("pageNum")))));
        router.route(HttpMethod.GET, rest + "/sessions/:sessionId/actionlogs")
                .handler(rc -> answer(rc, () -> vendor.actionLogs(rc.pathParam("sessionId"))));
        router.route(HttpMethod.PUT, rest + "/sessions/:sessionId/cancel")
                .handler(rc -> answer(rc, () -> vendor.cancel(rc.pathParam("sessionId"))));
        router.route(HttpMethod.PUT, rest + "/sessions/:sessionId/purge")
                .handler(rc -> answer(rc, () -> vendor.purge(rc.pathParam("sessionId"),
                        Boolean.parseBoolean(rc.queryParams().get("purgeNow")))));
        router.route(HttpMethod.PUT, rest + "/sessions/cancelPurging/:sessionId")
                .handler(rc -> answer(rc, () -> vendor.cancelPurging(rc.pathParam("sessionId"))));
        router.route(HttpMethod.GET, rest + "/sessions/:sessionId/files")
                .handler(rc -> answer(rc, () -> vendor.sessionFiles(rc.pathParam("sessionId"))));
        router.route(HttpMethod.GET, rest + "/signer/docs/:userName/:sessionId/:signerId/:pageNumber/:pageSize")
                .handler(rc -> answer(rc, () -> vendor.signerDocuments(rc.pathParam("userName"), rc.pathParam("sessionId"),
                        rc.pathParam("signerId"), number(rc.pathParam("pageNumber")), number(rc.pathParam("pageSize")))));
        router.route(HttpMethod.GET, rest + "/sessions/:sessionId")
                .handler(rc -> answer(rc, () -> vendor.getSession(rc.pathParam("sessionId"))));
        router.route(HttpMethod.PUT, rest + "/signers").handler(BodyHandler.create().setBodyLimit(1024 * 1024))
                .handler(rc -> answer(rc, () -> vendor.updateSigners(body(rc))));
        router.route(HttpMethod.PUT, rest + "/signers/invite").handler(BodyHandler.create().setBodyLimit(1024 * 1024))
                .handler(rc -> answer(rc, () -> vendor.invite(body(rc))));
        router.route(HttpMethod.GET, rest + "/signers/:signerId/token")
                .handler(rc -> answer(rc, () -> vendor.signerToken(rc.pathParam("signerId"))));

        // What people do in the eSign UI, for demos and tests: each change sends the vendor's webhook.
        String admin = SimulatorRoutes.BASE + "/admin/sessions/:sessionId";
        router.route(HttpMethod.POST, admin + "/complete")
                .handler(rc -> act(rc, vendor.completeAll(rc.pathParam("sessionId"))));
        router.route(HttpMethod.POST, admin + "/signers/:signerId/complete")
                .handler(rc -> act(rc, vendor.complete(rc.pathParam("sessionId"), rc.pathParam("signerId"))));
        router.route(HttpMethod.POST, admin + "/signers/:signerId/decline").handler(BodyHandler.create(false).setBodyLimit(4096))
                .handler(rc -> act(rc, vendor.decline(rc.pathParam("sessionId"), rc.pathParam("signerId"),
                        body(rc).path("reason").asText("Declined in the simulator"))));
    }

    private void act(RoutingContext rc, SimulatedVendor.SignerAction action) {
        routes.json(rc, action.status(), action.body());
    }

    private void answer(RoutingContext rc, java.util.function.Supplier<JsonNode> answer) {
        routes.withFaults(rc, () -> {
            if (routes.authorized(rc)) {
                routes.json(rc, 200, answer.get());
            }
        });
    }

    private JsonNode body(RoutingContext rc) {
        try {
            return rc.body() == null || rc.body().buffer() == null ? mapper.createObjectNode()
                    : mapper.readTree(rc.body().buffer().getBytes());
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
