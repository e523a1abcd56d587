package com.esigngateway.api.http;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.esigngateway.api.body.RequestBodySpool;
import com.esigngateway.api.json.JsonSyntaxCheck;
import com.esigngateway.api.json.SigningSessionRequestReader;
import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.api.model.Violation;
import com.esigngateway.api.problem.BindingProblems;
import com.esigngateway.api.problem.ProblemException;
import com.esigngateway.api.problem.ProblemResponses;
import com.esigngateway.api.problem.ProblemType;
import com.esigngateway.config.GatewayConfig;
import com.esigngateway.document.DocumentSpool;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.observability.RequestIds;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Receives a request's body before anything parses it, on the event loop, into {@link RequestBodySpool}: Quarkus
 * REST would otherwise hand a body over {@code quarkus.rest.input-buffer-size} (10 KiB) to Jackson as a blocking
 * stream on a worker thread, so that every stalled caller holds a worker until the HTTP read timeout (60 s) and a
 * few hundred of them starve the pool. Here nothing waits for a caller's bytes, and
 * <ul>
 * <li>a body not declared {@code application/json} (with at most a UTF-8 {@code charset}; a PATCH may declare
 * {@code application/merge-patch+json} instead) is answered 415 before a
 * byte of it is read (Quarkus REST would take {@code *}{@code /*}, {@code application/*}, an empty type or another
 * charset as matching the resource's {@code @Consumes});</li>
 * <li>a body must arrive within {@code esign.gateway.body-timeout} plus its size at {@code esign.gateway.body-min-rate},
 * else 408 and the connection is closed;</li>
 * <li>a body over {@code esign.gateway.max-body-size} that declared no length is cut off with a 413 problem the moment
 * it passes the limit;</li>
 * <li>JSON that breaks while it arrives is answered 400 at once, without reading the rest;</li>
 * <li>when the spool has no room, 503 {@code gateway-busy}.</li>
 * </ul>
 * Each of these answers ends the connection ({@link EarlyAnswers}). It runs after the security check, so a caller
 * without credentials gets its 401 before a byte of its body is received. A complete body is then parsed where it
 * costs least: a small one held in memory ({@value #PARSED_ON_THE_EVENT_LOOP} bytes at most) on the event loop, where
 * the resource method runs, since reading it never waits; a larger one, or one in a file, on a worker, before the
 * resource method is called ({@link SigningSessionRequestReader#parseAhead}), so that no event loop reads a file or
 * decodes megabytes of base64.
 */
public class RequestBodies {

    private static final Logger LOG = Logger.getLogger(RequestBodies.class);
    /**
     * Bodies up to this size that are held in memory are parsed on the event loop: about 0.1 ms of CPU for a 100 KiB
     * document, less than the hand-over to a worker and back costs; larger ones would hold up the loop's other
     * connections for longer than that.
     */
    static final int PARSED_ON_THE_EVENT_LOOP = 256 * 1024;

    private final RequestBodySpool bodies;
    private final GatewayMetrics metrics;
    private final ObjectMapper mapper;
    private final SigningSessionRequestReader creations;
    private final long limit;
    private final BodyDeadline.Limits deadlines;

    public RequestBodies(RequestBodySpool bodies, GatewayConfig config, GatewayMetrics metrics, ObjectMapper mapper,
            SigningSessionRequestReader creations) {
        this.bodies = bodies;
        this.metrics = metrics;
        this.mapper = mapper;
        this.creations = creations;
        this.limit = config.maxBodySize().asLongValue();
        this.deadlines = BodyDeadline.Limits.of(config);
    }

    @ServerRequestFilter(nonBlocking = true)
    public Uni<Response> receive(RoutingContext rc, ContainerRequestContext request, SimpleResourceInfo resource) {
        HttpServerRequest http = rc.request();
        if (!EarlyAnswers.hasBody(http)) {
            return Uni.createFrom().nullItem();
        }
        if (!isJson(http.headers().getAll(HttpHeaders.CONTENT_TYPE), http.method() == io.vertx.core.http.HttpMethod.PATCH)) {
            ProblemType.UNSUPPORTED_MEDIA_TYPE.rejection().ifPresent(metrics::rejected);
            return Uni.createFrom().item(ProblemResponses.builder(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json (UTF-8).", List.of(), http.getHeader(RequestIds.HEADER), null)
                    .header(HttpHeaders.CONNECTION.toString(), "close").build());
        }
        if (http.isEnded()) {
            return Uni.createFrom().nullItem();
        }
        boolean creation = List.of(resource.parameterTypes()).contains(CreateSigningSessionRequest.class);
        return Uni.createFrom().emitter(emitter -> new Receiver(rc, request, emitter, creation).start());
    }

    /**
     * Whether a body is declared as JSON the way the contract wants it: exactly one {@code Content-Type},
     * {@code application/json} with no parameter but an optional UTF-8 {@code charset}. Wildcards ({@code *}{@code /*},
     * {@code application/*}), an empty value and other charsets are not JSON a caller can be held to.
     */
    /** For a PATCH, a JSON merge patch ({@code application/merge-patch+json}, RFC 7396) is JSON too. */
    static boolean isJson(List<String> contentTypes, boolean patch) {
        if (contentTypes.size() != 1) {
            return false;
        }
        String[] parts = contentTypes.get(0).split(";", -1);
        String type = parts[0].trim();
        if (!type.equalsIgnoreCase("application/json") && !(patch && type.equalsIgnoreCase("application/merge-patch+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                return false;
            }
            String charset = parameter.substring(equals + 1).trim();
            if (charset.length() >= 2 && charset.startsWith("\"") && charset.endsWith("\"")) {
                charset = charset.substring(1, charset.length() - 1);
            }
            if (!charset.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** The body's declared length, else -1 (chunked, or not a number: Vert.x refuses a malformed one earlier). */
    private static long declaredLength(HttpServerRequest http) {
        String length = http.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One body on its way in; every method runs on the request's event loop. */
    private final class Receiver {
        private final RoutingContext rc;
        private final ContainerRequestContext request;
        private final UniEmitter<? super Response> emitter;
        private final RequestBodySpool.Arriving body;
        private final boolean json;
        private final long declaredLength;
        private JsonSyntaxCheck syntax;
        private final boolean creation;
        private long received;
        private BodyDeadline deadline;
        private boolean done;

        Receiver(RoutingContext rc, ContainerRequestContext request, UniEmitter<? super Response> emitter,
                boolean creation) {
            this.rc = rc;
            this.creation = creation;
            this.request = request;
            this.emitter = emitter;
            HttpServerRequest http = rc.request();
            this.body = bodies.arriving(Vertx.currentContext(), http::pause, http::resume);
            String type = http.getHeader(HttpHeaders.CONTENT_TYPE);
            this.json = type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
            this.declaredLength = declaredLength(http);
        }

        /**
         * Whether this chunk goes through the early syntax check: not when it is the whole body (its declared length
         * in one chunk, as small bodies arrive), since the full parse follows at once and finds the same violation.
         */
        private boolean checked() {
            if (!json || (syntax == null && received == declaredLength)) {
                return false;
            }
            if (syntax == null) {
                syntax = new JsonSyntaxCheck(mapper.getFactory());
            }
            return true;
        }

        void start() {
            HttpServerRequest http = rc.request();
            rc.addEndHandler(ignored -> body.release());
            http.handler(chunk -> {
                if (done) {
                    return;
                }
                received += chunk.length();
                if (received > limit) {
                    answer(ProblemType.PAYLOAD_TOO_LARGE,
                            "The body is over the " + limit + " bytes this gateway accepts.", null);
                    return;
                }
                if (checked() && !syntax.feed(chunk.getBytes())) {
                    malformed(syntax.error());
                    return;
                }
                try {
                    body.append(chunk);
                } catch (DocumentSpool.SpoolFullException full) {
                    answer(ProblemType.GATEWAY_BUSY,
                            "Too many large documents are in flight (esign.gateway.spool-capacity); retry shortly.",
                            Duration.ofSeconds(5));
                } catch (java.io.IOException e) {
                    fail(e);
                }
            });
            http.endHandler(ignored -> {
                if (done) {
                    return;
                }
                if (syntax != null && !syntax.end()) {
                    malformed(syntax.error());
                    return;
                }
                cancelTimer();
                body.finish().onComplete(finished -> {
                    if (done) {
                        return;
                    }
                    if (finished.failed()) {
                        fail(finished.cause());
                        return;
                    }
                    done = true;
                    RequestBodySpool.Received received = finished.result();
                    if (creation && !(received.inMemory() && received.length() <= PARSED_ON_THE_EVENT_LOOP)) {
                        parseOnAWorker(received);
                        return;
                    }
                    try {
                        request.setEntityStream(received.open());
                        emitter.complete(null);
                    } catch (java.io.IOException e) {
                        emitter.fail(e);
                    }
                });
            });
            http.exceptionHandler(this::fail);
            deadline = BodyDeadline.start(rc.vertx(), deadlines, () -> received, this::late);
            if ("100-continue".equalsIgnoreCase(http.getHeader(HttpHeaders.EXPECT))) {
                rc.response().writeContinue();
            }
            http.resume();
        }

        /**
         * The resource method then runs on the event loop again (the blocking call's outcome is delivered on the
         * request's context), with the parsed body or the problem parsing found.
         */
        private void parseOnAWorker(RequestBodySpool.Received received) {
            rc.vertx().executeBlocking(() -> creations.parseAhead(received.open()), false).onComplete(parsed -> {
                if (parsed.failed()) {
                    emitter.fail(parsed.cause());
                } else {
                    request.setEntityStream(parsed.result());
                    emitter.complete(null);
                }
            });
        }

        /** The deadline ({@link BodyDeadline}) passed before the body's end. */
        private void late() {
            if (done) {
                return;
            }
            LOG.debugf("Request %s: the body did not arrive in time (%d bytes in %d ms)",
                    rc.request().getHeader(RequestIds.HEADER), received, deadline.elapsedMillis());
            answer(ProblemType.REQUEST_TIMEOUT, deadlines.detail(), null);
        }

        private void malformed(JsonLocation where) {
            ProblemException problem = BindingProblems.notJson(where);
            answer(problem.type(), problem.getMessage(), problem.violations(), null);
        }

        /** Answers now, without reading the rest of the body; the connection ends after the answer. */
        private void answer(ProblemType type, String detail, Duration retryAfter) {
            answer(type, detail, List.of(), retryAfter);
        }

        private void answer(ProblemType type, String detail, List<Violation> violations, Duration retryAfter) {
            done = true;
            cancelTimer();
            body.release();
            type.rejection().ifPresent(metrics::rejected);
            emitter.complete(ProblemResponses.builder(type, detail, violations,
                    rc.request().getHeader(RequestIds.HEADER), retryAfter)
                    .header(HttpHeaders.CONNECTION.toString(), "close").build());
        }

        /** The caller went away or the spool failed: there is nobody, or nothing sensible, to answer. */
        private void fail(Throwable cause) {
            if (done) {
                return;
            }
            done = true;
            cancelTimer();
            body.release();
            LOG.debugf("Request %s: the body could not be received (%s)", rc.request().getHeader(RequestIds.HEADER),
                    cause.getClass().getSimpleName());
            emitter.fail(cause instanceof java.io.IOException ? cause : new java.io.IOException(cause));
        }

        private void cancelTimer() {
            if (deadline != null) {
                deadline.cancel();
            }
        }
    }
}
