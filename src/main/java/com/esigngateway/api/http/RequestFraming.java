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

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP/1.1 framing that RFC 9112 forbids and the HTTP layer lets through, refused on every route (the API, the
 * webhook receiver, {@code /q}, the simulator) before anything else runs: a {@code Transfer-Encoding} that is not
 * exactly {@code chunked} (RFC 9112, 6.1: the body's length cannot be known, so the request is answered {@code 400}
 * and the connection closed; otherwise a {@code Content-Length} sent with it frames the body, and a front proxy that
 * reads the other header sees a different request: request smuggling), and more than one {@code Host} (RFC 9112,
 * 3.2). What Netty refuses itself ({@code chunked} with a {@code Content-Length}, two {@code Content-Length} values)
 * reaches {@link HttpLayerFailures}. HTTP/2 has neither header ({@code :authority} and its own framing).
 */
@ApplicationScoped
public class RequestFraming {

    /** First of all filters: nothing may read a body whose framing is in doubt. */
    static final int PRIORITY = EarlyAnswers.PRIORITY + 100;
    private static final Logger LOG = Logger.getLogger(RequestFraming.class);

    private final ObjectMapper mapper;
    private final GatewayMetrics metrics;

    public RequestFraming(ObjectMapper mapper, GatewayMetrics metrics) {
        this.mapper = mapper;
        this.metrics = metrics;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext rc) {
        String wrong = wrongFraming(rc.request());
        if (wrong == null) {
            rc.next();
            return;
        }
        String requestId = RequestIds.accept(rc.request().getHeader(RequestIds.HEADER));
        LOG.debugf("Request %s refused: %s", requestId, wrong);
        ProblemType.INVALID_REQUEST.rejection().ifPresent(metrics::rejected);
        RouteTemplates.use(rc, RouteTemplates.UNKNOWN);
        var problem = ProblemResponses.builder(ProblemType.INVALID_REQUEST, wrong, List.of(), requestId, null).build()
                .getEntity();
        // the connection ends after the answer, whatever was read of the request: what follows it cannot be framed
        rc.addEndHandler(ended -> EarlyAnswers.stopReading(rc));
        try {
            rc.response().setStatusCode(400)
                    .putHeader(RequestIds.HEADER, requestId)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(400).putHeader(HttpHeaders.CONNECTION, "close").end();
        }
    }

    /** What is wrong with the request's framing (a caller-fit sentence), or null. */
    static String wrongFraming(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return null;
        }
        List<String> codings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (!codings.isEmpty() && !onlyChunked(codings)) {
            return "The request's Transfer-Encoding must be exactly chunked (RFC 9112, 6.1).";
        }
        if (request.headers().getAll(HttpHeaders.HOST).size() > 1) {
            return "The request has more than one Host header (RFC 9112, 3.2).";
        }
        return null;
    }

    /** Whether the transfer codings, all headers of them together, are the one coding {@code chunked}. */
    static boolean onlyChunked(List<String> codings) {
        String[] all = String.join(",", codings).split(",", -1);
        return all.length == 1 && all[0].trim().equalsIgnoreCase("chunked");
    }
}
