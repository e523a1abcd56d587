package com.esigngateway.simulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.esigngateway.config.SimulatorConfig;
import com.esigngateway.webhook.delivery.Subscriber;
import com.esigngateway.webhook.delivery.Subscribers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A subscriber to try the status events with in dev mode: {@code POST /simulator/subscriber/{name}} checks an event's
 * Standard Webhooks signature with the secret of subscriber {@code name} and its timestamp (5 minutes either way), as
 * a consumer should, logs it, and keeps the last 50 per name for {@code GET /simulator/admin/subscriber/{name}/events}.
 * An event that fails the check is answered 400.
 */
@ApplicationScoped
public class SubscriberStandIn {

    private static final Logger LOG = Logger.getLogger(SubscriberStandIn.class);
    private static final int KEPT = 50;
    private static final long TOLERANCE_SECONDS = 300;

    private final SimulatorConfig config;
    private final Subscribers subscribers;
    private final SimulatorRoutes routes;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Deque<ObjectNode>> received = new ConcurrentHashMap<>();

    SubscriberStandIn(SimulatorConfig config, Subscribers subscribers, SimulatorRoutes routes, ObjectMapper mapper,
            Clock clock) {
        this.config = config;
        this.subscribers = subscribers;
        this.routes = routes;
        this.mapper = mapper;
        this.clock = clock;
    }

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        router.route(HttpMethod.POST, SimulatorRoutes.BASE + "/subscriber/:name")
                .handler(BodyHandler.create(false).setBodyLimit(1024 * 1024)).handler(this::receive);
        router.route(HttpMethod.GET, SimulatorRoutes.BASE + "/admin/subscriber/:name/events").handler(this::list);
    }

    private void receive(RoutingContext rc) {
        String name = rc.pathParam("name");
        Subscriber subscriber = subscribers.named(name).orElse(null);
        String body = rc.body() == null ? "" : rc.body().asString();
        String id = rc.request().getHeader("webhook-id");
        String timestamp = rc.request().getHeader("webhook-timestamp");
        boolean fresh = timestamp != null && timestamp.matches("\\d{1,12}")
                && Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) <= TOLERANCE_SECONDS;
        boolean valid = subscriber != null && fresh
                && subscriber.signature().verifies(id, timestamp, body, rc.request().getHeader("webhook-signature"));
        JsonNode event;
        try {
            event = mapper.readTree(body);
        } catch (java.io.IOException e) {
            event = mapper.createObjectNode();
        }
        ObjectNode entry = mapper.createObjectNode().put("webhookId", id).put("signatureValid", valid)
                .put("receivedAt", clock.instant().toString());
        entry.set("event", event);
        Deque<ObjectNode> kept = received.computeIfAbsent(name, ignored -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addFirst(entry);
            while (kept.size() > KEPT) {
                kept.removeLast();
            }
        }
        LOG.infof("Subscriber stand-in '%s' received %s for session %s (webhook-id %s): signature %s", name,
                event.path("type").asText("?"), event.path("data").path("session").path("id").asText("?"), id,
                valid ? "valid" : "INVALID");
        rc.response().setStatusCode(valid ? 204 : 400).end();
    }

    private void list(RoutingContext rc) {
        Deque<ObjectNode> kept = received.getOrDefault(rc.pathParam("name"), new ArrayDeque<>());
        ArrayNode list = mapper.createArrayNode();
        synchronized (kept) {
            kept.forEach(list::add);
        }
        routes.json(rc, 200, mapper.createObjectNode().set("received", list));
    }
}
