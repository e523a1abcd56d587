package com.esigngateway.api.http;

import java.time.Duration;
import java.util.List;

import com.esigngateway.api.model.Violation;
import com.esigngateway.api.problem.ProblemResponses;
import com.esigngateway.api.problem.ProblemType;
import com.esigngateway.observability.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/** What the webhook routes (plain Vert.x routes, outside the contract's resources) share: problems, JSON, templates. */
public final class WebhookHttp {

    /** The request-context local that the HTTP metrics and server spans take their route template from. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private WebhookHttp() {
    }

    /** Names the request by its route template in metrics and spans, never by its raw path (which holds secrets or ids). */
    public static void template(RoutingContext rc, String template) {
        if (rc.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(URL_PATH_TEMPLATE, template);
        }
    }

    /** An RFC 9457 problem, as the API answers it. {@code close}: the body was not read, so the connection ends. */
    public static void problem(RoutingContext rc, ObjectMapper mapper, ProblemType type, String detail,
            List<Violation> violations, Duration retryAfter, boolean close) {
        var builder = ProblemResponses.builder(type, detail, violations, rc.request().getHeader(RequestIds.HEADER),
                retryAfter);
        var response = rc.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE);
        if (retryAfter != null) {
            response.putHeader("Retry-After", String.valueOf(ProblemResponses.retryAfterSeconds(retryAfter)));
        }
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        json(rc, mapper, type.status(), builder.build().getEntity(), ProblemResponses.MEDIA_TYPE);
    }

    /**
     * The answer to a path that is not there, as the API gives it for an unknown path: a wrong path secret looks
     * exactly like it, headers included. A body it leaves unread ends the connection as any early answer does
     * ({@link EarlyAnswers}), for an unknown path too.
     */
    public static void notFound(RoutingContext rc, ObjectMapper mapper) {
        problem(rc, mapper, ProblemType.NOT_FOUND, "There is nothing at this path.", List.of(), null, false);
    }

    public static void json(RoutingContext rc, ObjectMapper mapper, int status, Object body, String mediaType) {
        if (rc.response().ended()) {
            return;
        }
        try {
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, mediaType)
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
