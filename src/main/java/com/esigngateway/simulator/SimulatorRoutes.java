package com.esigngateway.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.esigngateway.config.SimulatorConfig;
import com.esigngateway.simulator.SimulatedVendor.TokenState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Serves the simulated vendor under {@code /simulator/} when {@code esign.simulator.enabled}: the four
 * vendor endpoints the gateway uses ({@code rest/v1/encrypt}, {@code gettoken}, {@code sessions},
 * {@code landingurl}), the auto-login page the continue link opens, and {@code admin/faults}. Plain
 * Vert.x routes, so the simulator never shows up in the gateway's OpenAPI contract.
 */
@ApplicationScoped
public class SimulatorRoutes {

    private static final Logger LOG = Logger.getLogger(SimulatorRoutes.class);
    static final String BASE = "/simulator";
    public static final String ADMIN_KEY_HEADER = "X-Admin-Key";

    private final SimulatorConfig config;
    private final SimulatedVendor vendor;
    private final ObjectMapper mapper;

    public SimulatorRoutes(SimulatorConfig config, SimulatedVendor vendor, ObjectMapper mapper) {
        this.config = config;
        this.vendor = vendor;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        LOG.infof("Embedded vendor simulator enabled at %s/ (API key %s)", BASE,
                config.apiKey().equals("sim-api-key") ? "sim-api-key" : "<configured>");
        byte[] adminKey = config.adminKey().orElseGet(SimulatorRoutes::generatedAdminKey)
                .getBytes(StandardCharsets.UTF_8);
        router.route(HttpMethod.GET, BASE + "/rest/v1/encrypt/:plainText/:salt").handler(this::encrypt)
                .failureHandler(this::encryptFailed);
        router.route(HttpMethod.GET, BASE + "/rest/v1/gettoken/:salt").handler(this::getToken);
        router.route(HttpMethod.POST, BASE + "/rest/v1/sessions").handler(this::createSession);
        router.route(HttpMethod.GET, BASE + "/rest/v1/landingurl").handler(this::landingUrl);
        router.route(HttpMethod.GET, BASE + "/auth/AutoLogMeIn.aspx").handler(this::autoLogin);
        // first of all routes, whichever bean registers the other admin routes (sessions, the subscriber stand-in)
        router.route(BASE + "/admin/*").order(-1).handler(rc -> admitted(rc, adminKey));
        router.route(HttpMethod.GET, BASE + "/admin/faults").handler(rc -> json(rc, 200, vendor.faults()));
        router.route(HttpMethod.PUT, BASE + "/admin/faults").handler(BodyHandler.create().setBodyLimit(4096))
                .handler(this::setFaults);
    }

    /** A key for this run, logged once: without it nobody who merely reaches the port can switch faults on. */
    private static String generatedAdminKey() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        LOG.infof("Simulator admin key for this run (a development tool's key; set ESIGN_SIMULATOR_ADMIN_KEY to "
                + "choose one): %s", key);
        return key;
    }

    private void admitted(RoutingContext rc, byte[] adminKey) {
        String presented = rc.request().getHeader(ADMIN_KEY_HEADER);
        if (presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), adminKey)) {
            rc.next();
            return;
        }
        rc.response().putHeader("WWW-Authenticate", "X-Admin-Key");
        problem(rc, 401, "unauthorized", "Missing or unknown credentials", "Send the simulator's admin key in "
                + ADMIN_KEY_HEADER + " (esign.simulator.admin-key; logged at start-up when it is not configured).");
    }

    private void encrypt(RoutingContext rc) {
        json(rc, 200, SimulatedVendor.requestResponse(
                vendor.encrypt(rc.pathParam("plainText"), rc.pathParam("salt"))));
    }

    /**
     * The EncryptString path holds the API key: a failure there ends here, never in Quarkus's handler, which logs
     * the raw path. (A caller that went away has already been let go quietly by the gateway's failure handler.)
     */
    private void encryptFailed(RoutingContext rc) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        LOG.errorf("Simulator: %s/rest/v1/encrypt/{plainText}/{salt} failed: %s", BASE,
                rc.failure() == null ? "status " + rc.statusCode() : rc.failure().getClass().getName());
        int status = rc.statusCode() >= 400 && rc.statusCode() < 500 ? rc.statusCode() : 500;
        problem(rc, status, status == 500 ? "internal-error" : "invalid-request",
                status == 500 ? "Internal error" : "Invalid request", "The simulator could not answer.");
    }

    private void getToken(RoutingContext rc) {
        withFaults(rc, () -> json(rc, 200, vendor.getToken(rc.pathParam("salt"),
                rc.request().getHeader(HttpHeaders.AUTHORIZATION))));
    }

    private void landingUrl(RoutingContext rc) {
        withFaults(rc, () -> {
            if (!authorized(rc)) {
                return;
            }
            String origin = rc.request().scheme() + "://" + rc.request().authority();
            json(rc, 200, SimulatedVendor.requestResponse(origin + BASE + "/auth/AutoLogMeIn.aspx?"));
        });
    }

    private void createSession(RoutingContext rc) {
        long limit = config.maxBodyMegabytes() * 1024L * 1024L;
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > limit) {
            rc.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close").end();
            return;
        }
        SessionBodyReader reader = new SessionBodyReader();
        AtomicLong received = new AtomicLong();
        boolean[] failed = {false};
        rc.request().handler(chunk -> {
            if (failed[0]) {
                return;
            }
            try {
                if (received.addAndGet(chunk.length()) > limit) {
                    failed[0] = true;
                    rc.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close").end();
                    return;
                }
                reader.feed(chunk.getBytes());
            } catch (IOException e) {
                failed[0] = true;
                json(rc, 400, "Error: The request body is not valid JSON.");
            }
        });
        rc.request().endHandler(ignored -> {
            if (failed[0]) {
                return;
            }
            JsonNode body;
            try {
                body = reader.finish();
            } catch (IOException e) {
                json(rc, 400, "Error: The request body is not valid JSON.");
                return;
            }
            withFaults(rc, () -> {
                if (authorized(rc)) {
                    json(rc, 200, vendor.createSession(body));
                }
            });
        });
        rc.request().resume();
    }

    private void autoLogin(RoutingContext rc) {
        SimulatedSession session = vendor.session(rc.queryParams().get("ssid"));
        boolean tokenValid = vendor.check(rc.queryParams().get("token")) == TokenState.VALID;
        String page;
        if (session == null) {
            page = "<h1>Unknown session</h1>";
        } else if (!tokenValid) {
            page = "<h1>Your link has expired</h1><p>Ask for a new link to session " + escape(session.title) + ".</p>";
        } else {
            page = "<h1>" + escape(session.title) + "</h1><p>Signed in as " + escape(session.owner)
                    + ". The session has " + session.documents.size() + " document(s) and " + session.signers.size()
                    + " signer(s); continue in the eSign UI.</p>";
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .end("<!doctype html><title>eSign simulator</title>" + page);
    }

    private void setFaults(RoutingContext rc) {
        SimulatorFaults faults;
        try {
            JsonNode body = rc.body().buffer() == null ? null : mapper.readTree(rc.body().buffer().getBytes());
            faults = SimulatorFaults.fromJson(body);
        } catch (IOException e) {
            problem(rc, 400, "invalid-request", "Invalid request", "The body is not well-formed JSON.");
            return;
        } catch (IllegalArgumentException e) {
            problem(rc, 400, "invalid-request", "Invalid request", "The faults are invalid: " + e.getMessage() + ".");
            return;
        }
        vendor.faults(faults);
        LOG.infof("Simulator faults set to %s", faults);
        json(rc, 200, faults);
    }

    /** An RFC 9457 problem, in the gateway's vocabulary, for the simulator's own routes. */
    private void problem(RoutingContext rc, int status, String type, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:esign-gateway:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        try {
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    /** Token check as the vendor does it: an unknown token is an error text, an expired one a null result. */
    boolean authorized(RoutingContext rc) {
        TokenState state = vendor.check(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (state == TokenState.VALID && !vendor.faults().rejectToken()) {
            return true;
        }
        if (state == TokenState.EXPIRED) {
            rc.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end("null");
        } else {
            json(rc, 200, SimulatedVendor.BAD_TOKEN);
        }
        return false;
    }

    /** Applies the injected latency, then maybe an error or garbage, else answers normally. */
    void withFaults(RoutingContext rc, Runnable answer) {
        SimulatorFaults faults = vendor.faults();
        Runnable respond = () -> {
            if (rc.response().ended() || rc.response().closed()) {
                return;
            }
            if (faults.error()) {
                rc.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "text/html")
                        .end("<html><body>Service Unavailable</body></html>");
            } else if (faults.garbage()) {
                rc.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"SigningSess");
            } else {
                answer.run();
            }
        };
        if (faults.latencyMs() > 0) {
            rc.vertx().setTimer(faults.latencyMs(), id -> respond.run());
        } else {
            respond.run();
        }
    }

    void json(RoutingContext rc, int status, Object body) {
        try {
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
