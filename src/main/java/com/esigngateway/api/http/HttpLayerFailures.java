package com.esigngateway.api.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.esigngateway.api.problem.ProblemResponses;
import com.esigngateway.api.problem.ProblemType;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.observability.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the HTTP layer refuses before any route sees them, such as an HTTP/1.1 request without {@code Host}
 * (RFC 9112, 3.2), get a problem with a request id like every other answer, and no ERROR log: they are the
 * caller's mistake. A failure that is the caller closing its connection mid-request ends quietly (there is nobody
 * to answer, and Quarkus's handler would log the raw path, which may hold a secret). Other failures go on to Quarkus's
 * own handler.
 */
@ApplicationScoped
public class HttpLayerFailures {

    private static final Logger LOG = Logger.getLogger(HttpLayerFailures.class);

    private final ObjectMapper mapper;
    private final GatewayMetrics metrics;

    public HttpLayerFailures(ObjectMapper mapper, GatewayMetrics metrics) {
        this.mapper = mapper;
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    /**
     * Whether the failure is the connection's end: the caller went away in the middle of its request, closing it
     * ({@link HttpClosedException}) or resetting it (an {@link java.io.IOException} from the socket, which the plain
     * routes meet only there).
     */
    static boolean connectionGone(RoutingContext rc) {
        for (Throwable t = rc.failure(); t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return rc.failure() != null && rc.response().closed();
    }

    private void handle(RoutingContext rc) {
        if (connectionGone(rc)) {
            // Nobody to answer. Quarkus's own handler would log an ERROR naming the raw path, which may hold a
            // secret (the webhook receiver's, the simulator's EncryptString key): the request id is enough.
            LOG.debugf("Request %s ended: the caller closed the connection (%s)",
                    rc.request().getHeader(RequestIds.HEADER), rc.failure().getClass().getSimpleName());
            return;
        }
        int status = rc.statusCode();
        if (status < 400 || status > 499 || rc.response().headWritten()) {
            rc.next();
            return;
        }
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.INVALID_REQUEST;
        };
        String requestId = RequestIds.accept(rc.request().getHeader(RequestIds.HEADER));
        String detail = status == 400 && rc.request().host() == null
                ? "The request has no Host header, which HTTP/1.1 requires."
                : type == ProblemType.INVALID_REQUEST ? "The HTTP request is malformed." : type.title() + ".";
        LOG.debugf("Request %s refused by the HTTP layer with %d (%s)", requestId, status,
                rc.failure() == null ? "no cause" : rc.failure().getClass().getSimpleName());
        type.rejection().ifPresent(metrics::rejected);
        RouteTemplates.use(rc, RouteTemplates.UNKNOWN);
        var problem = ProblemResponses.builder(type, detail, List.of(), requestId, null).build().getEntity();
        try {
            rc.response().setStatusCode(type.status())
                    .putHeader(RequestIds.HEADER, requestId)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.next();
        }
    }
}
