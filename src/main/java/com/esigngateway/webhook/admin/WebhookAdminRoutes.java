package com.esigngateway.webhook.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.esigngateway.api.http.WebhookHttp;
import com.esigngateway.api.problem.ProblemType;
import com.esigngateway.config.WebhookConfig;
import com.esigngateway.webhook.WebhookWorker;
import com.esigngateway.webhook.delivery.Subscriber;
import com.esigngateway.webhook.delivery.Subscribers;
import com.esigngateway.webhook.queue.DeadLetter;
import com.esigngateway.webhook.queue.WebhookQueue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operators' API for status events, under {@code /admin/webhooks/} with its own key ({@code X-Admin-Key},
 * {@code esign.webhooks.admin-key}; without one configured every call is a 401): list dead letters, replay one, list
 * the subscribers with their state, enable one that a {@code 410 Gone} disabled. Keep it inside the cluster.
 */
@ApplicationScoped
public class WebhookAdminRoutes {

    public static final String BASE = "/admin/webhooks";
    public static final String KEY_HEADER = "X-Admin-Key";
    private static final Logger LOG = Logger.getLogger(WebhookAdminRoutes.class);
    private static final int MAX_LIMIT = 1000;

    private final Optional<byte[]> key;
    private final WebhookQueue queue;
    private final Subscribers subscribers;
    private final WebhookWorker worker;
    private final ObjectMapper mapper;
    private final Clock clock;

    WebhookAdminRoutes(WebhookConfig config, WebhookQueue queue, Subscribers subscribers, WebhookWorker worker,
            ObjectMapper mapper, Clock clock) {
        this.key = config.adminKey().filter(value -> !value.isBlank()).map(WebhookAdminRoutes::digest);
        this.queue = queue;
        this.subscribers = subscribers;
        this.worker = worker;
        this.mapper = mapper;
        this.clock = clock;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, BASE + "/dead-letters").handler(rc -> admitted(rc, BASE + "/dead-letters"))
                .handler(this::deadLetters);
        router.route(HttpMethod.POST, BASE + "/dead-letters/:id/replay")
                .handler(rc -> admitted(rc, BASE + "/dead-letters/{id}/replay")).handler(this::replay);
        router.route(HttpMethod.GET, BASE + "/subscribers").handler(rc -> admitted(rc, BASE + "/subscribers"))
                .handler(this::subscribers);
        router.route(HttpMethod.POST, BASE + "/subscribers/:name/enable")
                .handler(rc -> admitted(rc, BASE + "/subscribers/{name}/enable")).handler(this::enable);
    }

    private void admitted(RoutingContext rc, String template) {
        WebhookHttp.template(rc, template);
        String presented = rc.request().getHeader(KEY_HEADER);
        if (key.isPresent() && presented != null && MessageDigest.isEqual(key.get(), digest(presented))) {
            rc.next();
            return;
        }
        rc.response().putHeader("WWW-Authenticate", KEY_HEADER);
        WebhookHttp.problem(rc, mapper, ProblemType.UNAUTHORIZED, key.isPresent()
                ? "Send the webhook admin key in " + KEY_HEADER + " (esign.webhooks.admin-key)."
                : "The webhook admin API is off: set esign.webhooks.admin-key to use it.", List.of(), null, false);
    }

    private void deadLetters(RoutingContext rc) {
        Optional<String> of = Optional.ofNullable(rc.queryParams().get("queue")).filter(value -> !value.isBlank());
        int limit = 100;
        String asked = rc.queryParams().get("limit");
        if (asked != null) {
            if (!asked.matches("\\d{1,4}") || Integer.parseInt(asked) < 1 || Integer.parseInt(asked) > MAX_LIMIT) {
                WebhookHttp.problem(rc, mapper, ProblemType.INVALID_REQUEST, "limit is 1 to " + MAX_LIMIT + ".",
                        List.of(), null, false);
                return;
            }
            limit = Integer.parseInt(asked);
        }
        queue.deadLetters(of, limit).subscribe().with(letters -> {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode list = body.putArray("deadLetters");
            letters.forEach(letter -> list.add(json(letter)));
            WebhookHttp.json(rc, mapper, 200, body, "application/json");
        }, rc::fail);
    }

    private void replay(RoutingContext rc) {
        String id = rc.pathParam("id");
        queue.replay(id, clock.instant()).subscribe().with(replayed -> {
            if (replayed.isEmpty()) {
                WebhookHttp.problem(rc, mapper, ProblemType.NOT_FOUND, "No dead letter has this id.", List.of(), null, false);
                return;
            }
            LOG.infof("Dead letter %s (event %s, queue %s) replayed", id, replayed.get().eventId(), replayed.get().queue());
            worker.nudge();
            WebhookHttp.json(rc, mapper, 200, json(replayed.get()).put("replayed", true), "application/json");
        }, rc::fail);
    }

    private void subscribers(RoutingContext rc) {
        queue.disabled().chain(disabled -> queue.backlog(clock.instant()).map(backlog -> {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode list = body.putArray("subscribers");
            for (Subscriber subscriber : subscribers.all()) {
                ObjectNode node = list.addObject().put("name", subscriber.name())
                        .put("state", disabled.contains(subscriber.name()) ? "disabled" : "enabled")
                        .put("waiting", backlog.queue(subscriber.name()).waiting())
                        .put("deadLetters", backlog.queue(subscriber.name()).deadLetters());
                ArrayNode events = node.putArray("events");
                subscriber.events().forEach(events::add);
            }
            return body;
        })).subscribe().with(body -> WebhookHttp.json(rc, mapper, 200, body, "application/json"), rc::fail);
    }

    private void enable(RoutingContext rc) {
        String name = rc.pathParam("name");
        if (subscribers.named(name).isEmpty()) {
            WebhookHttp.problem(rc, mapper, ProblemType.NOT_FOUND, "No subscriber has this name.", List.of(), null, false);
            return;
        }
        queue.disabled().chain(disabled -> queue.enable(name).replaceWith(disabled.contains(name))).subscribe().with(was -> {
            if (was) {
                LOG.infof("Subscriber %s enabled again", name);
            }
            worker.nudge();
            WebhookHttp.json(rc, mapper, 200, mapper.createObjectNode().put("name", name).put("state", "enabled"),
                    "application/json");
        }, rc::fail);
    }

    private ObjectNode json(DeadLetter letter) {
        ObjectNode node = mapper.createObjectNode().put("id", letter.id()).put("queue", letter.queue())
                .put("eventId", letter.eventId()).put("attempts", letter.attempts()).put("reason", letter.reason())
                .put("lastError", letter.lastError())
                .put("enqueuedAt", letter.enqueuedAt().toString()).put("deadAt", letter.deadAt().toString());
        if (letter.eventType() != null) {
            node.put("eventType", letter.eventType());
        }
        if (letter.received() != null) {
            node.put("sessionId", letter.received().sessionId());
        }
        return node;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
