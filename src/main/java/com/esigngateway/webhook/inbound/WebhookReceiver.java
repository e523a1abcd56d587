package com.esigngateway.webhook.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.esigngateway.api.http.BodyDeadline;
import com.esigngateway.api.http.WebhookHttp;
import com.esigngateway.api.model.Violation;
import com.esigngateway.api.problem.ProblemType;
import com.esigngateway.config.GatewayConfig;
import com.esigngateway.config.WebhookConfig;
import com.esigngateway.observability.RequestIds;
import com.esigngateway.observability.WebhookMetrics;
import com.esigngateway.webhook.WebhookWorker;
import com.esigngateway.webhook.queue.Receipt;
import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.esigngateway.webhook.queue.WebhookQueue;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /webhooks/esign/{secret}}: where the vendor's webhooks arrive. Outside the callers' authentication but
 * never open: the path secret is checked before a byte of the body is read (a wrong one is the same {@code 404} as any
 * unknown path), the body is capped and must arrive as fast as the callers' bodies ({@code esign.gateway.body-timeout},
 * {@code body-min-rate}: 408 and the connection closed after it), it must be one JSON document, its shape is checked, and the answer is {@code 200} only once the webhook is kept in
 * the queue; the same change reported twice is one event. The raw path (it holds the secret) reaches no metric, span
 * or log line: they carry the route template.
 */
@ApplicationScoped
public class WebhookReceiver {

    public static final String PATH = "/webhooks/esign/";
    static final String TEMPLATE = PATH + "{secret}";
    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class);

    private final PathSecrets secrets;
    private final long maxBody;
    private final WebhookQueue queue;
    private final VendorWebhookParser parser;
    private final WebhookMetrics metrics;
    private final WebhookWorker worker;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final BodyDeadline.Limits deadlines;

    WebhookReceiver(WebhookConfig config, GatewayConfig gateway, WebhookQueue queue, WebhookMetrics metrics,
            WebhookWorker worker, ObjectMapper mapper, Clock clock) {
        this.secrets = PathSecrets.of(config);
        this.maxBody = config.inbound().maxBodySize().asLongValue();
        this.queue = queue;
        this.parser = new VendorWebhookParser(mapper);
        this.metrics = metrics;
        this.worker = worker;
        this.mapper = mapper;
        this.clock = clock;
        this.deadlines = BodyDeadline.Limits.of(gateway);
    }

    void register(@Observes Router router) {
        // Two routes on one path: Vert.x wants a body handler first on its route, and the secret comes before the body.
        router.route(HttpMethod.POST, PATH + ":secret").handler(this::admit);
        router.route(HttpMethod.POST, PATH + ":secret").handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .handler(this::receive)
                .failureHandler(this::failed);
    }

    /** The secret and the declared length, before anything is read. */
    private void admit(RoutingContext rc) {
        WebhookHttp.template(rc, TEMPLATE);
        if (!secrets.accepts(rc.pathParam("secret"))) {
            metrics.rejected("path_secret");
            WebhookHttp.notFound(rc, mapper);
            return;
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.trim().chars().allMatch(Character::isDigit) && !length.isBlank()
                && (length.trim().length() > 18 || Long.parseLong(length.trim()) > maxBody)) {
            tooLarge(rc);
            return;
        }
        BodyDeadline deadline = BodyDeadline.start(rc.vertx(), deadlines, rc.request()::bytesRead, () -> late(rc));
        rc.put(BodyDeadline.class.getName(), deadline);
        rc.addEndHandler(ignored -> deadline.cancel());
        rc.next();
    }

    /** The body is later than creations' bodies may be (esign.gateway.body-timeout, body-min-rate): 408, connection closed. */
    private void late(RoutingContext rc) {
        if (rc.response().ended() || rc.request().isEnded()) {
            return;
        }
        metrics.rejected("body_timeout");
        LOG.debugf("Request %s: the vendor webhook's body did not arrive in time (%d bytes)",
                rc.request().getHeader(RequestIds.HEADER), rc.request().bytesRead());
        WebhookHttp.problem(rc, mapper, ProblemType.REQUEST_TIMEOUT, deadlines.detail(), List.of(), null, true);
    }

    private void receive(RoutingContext rc) {
        BodyDeadline deadline = rc.get(BodyDeadline.class.getName());
        if (deadline != null) {
            deadline.cancel();
        }
        if (rc.response().ended()) {
            return;
        }
        byte[] body = rc.body() == null || rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        VendorWebhookParser.Parsed parsed = parser.parse(body, eventId, clock.instant());
        if (parsed.webhook() == null) {
            metrics.rejected("malformed");
            List<Violation> violations = parsed.violations().stream()
                    .map(violation -> new Violation().field(violation.getKey()).message(violation.getValue())).toList();
            LOG.infof("Vendor webhook refused: %s", violations.stream().map(v -> v.getField() + " " + v.getMessage()).toList());
            WebhookHttp.problem(rc, mapper, ProblemType.INVALID_REQUEST,
                    "The body is not a vendor webhook ({\"Data\": {\"SigningSessionId\", \"Type\", \"Status\", …}}).",
                    violations, null, false);
            return;
        }
        ReceivedWebhook webhook = parsed.webhook();
        queue.receive(webhook, parsed.dedupeKey()).subscribe().with(receipt -> answer(rc, webhook, receipt), failure -> {
            // the store (Redis) failed: nothing was acknowledged, so nothing is lost if the vendor sends it again
            LOG.errorf("A vendor webhook about session %s could not be kept: %s", webhook.sessionId(), failure.toString());
            metrics.rejected("store_unavailable");
            WebhookHttp.problem(rc, mapper, ProblemType.EVENT_STORE_UNAVAILABLE,
                    "The webhook could not be kept; send it again.", List.of(), Duration.ofSeconds(5), false);
        });
    }

    private void answer(RoutingContext rc, ReceivedWebhook webhook, Receipt receipt) {
        switch (receipt.outcome()) {
            case ACCEPTED -> {
                metrics.received("accepted");
                LOG.infof("Vendor webhook kept as %s: %s %d for session %s%s", receipt.eventId(), webhook.kind(),
                        webhook.statusCode(), webhook.sessionId(), webhook.signerId() == null ? "" : ", signer " + webhook.signerId());
                worker.nudge();
            }
            case DUPLICATE -> {
                metrics.received("duplicate");
                LOG.infof("Vendor webhook is a repeat of %s (session %s)", receipt.eventId(), webhook.sessionId());
            }
            case FULL -> {
                metrics.rejected("queue_full");
                LOG.warnf("Vendor webhook about session %s refused: the verification queue is full", webhook.sessionId());
                WebhookHttp.problem(rc, mapper, ProblemType.GATEWAY_BUSY,
                        "Too many status events are waiting; send this one again later.", List.of(), Duration.ofSeconds(30),
                        false);
                return;
            }
        }
        WebhookHttp.json(rc, mapper, 200, mapper.createObjectNode().put("eventId", receipt.eventId())
                .put("duplicate", receipt.outcome() == Receipt.Outcome.DUPLICATE), "application/json");
    }

    /**
     * Every failure on this route ends here, never in Quarkus's handler, which logs the raw path (and so the secret).
     * A caller that went away has already been let go quietly ({@code api.http.HttpLayerFailures}).
     */
    private void failed(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        if (rc.statusCode() == 413) {
            tooLarge(rc);
            return;
        }
        if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
            WebhookHttp.problem(rc, mapper, ProblemType.INVALID_REQUEST, "The HTTP request is malformed.", List.of(),
                    null, true);
            return;
        }
        LOG.errorf("Request %s to %s failed: %s", rc.request().getHeader(RequestIds.HEADER), TEMPLATE,
                rc.failure() == null ? "status " + rc.statusCode() : rc.failure().getClass().getName());
        WebhookHttp.problem(rc, mapper, ProblemType.INTERNAL_ERROR,
                "The gateway failed unexpectedly; please report request id " + rc.request().getHeader(RequestIds.HEADER)
                        + ".", List.of(), null, true);
    }

    private void tooLarge(RoutingContext rc) {
        metrics.rejected("too_large");
        WebhookHttp.problem(rc, mapper, ProblemType.PAYLOAD_TOO_LARGE,
                "A vendor webhook is at most " + maxBody + " bytes (esign.webhooks.inbound.max-body-size).", List.of(),
                null, true);
    }
}
