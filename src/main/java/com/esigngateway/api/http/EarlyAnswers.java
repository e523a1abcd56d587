package com.esigngateway.api.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * A response that ends before its request's body has been read (a 413, a 401, a 404, a 408, a body whose JSON
 * broke early) ends the connection too, once the answer is written: left alone, the HTTP layer would read the
 * rest of the body, however large, to find the next request on the connection, and then serve a pipelined
 * request sent after a body it refused. HTTP/2 resets the request's stream instead, leaving the others alone.
 */
@ApplicationScoped
public class EarlyAnswers {

    /** Before every other filter, so that the answers of all of them are covered. */
    static final int PRIORITY = RequestIdFilter.PRIORITY + 100;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addEndHandler(ended -> {
                if (ended.succeeded() && hasBody(rc.request()) && !rc.request().isEnded()) {
                    stopReading(rc);
                }
            });
            rc.next();
        }, PRIORITY);
    }

    /**
     * Whether the request comes with a body. (A request without one can look unfinished too: the HTTP layer
     * holds back its end while the request is paused, and nothing resumes a request that has nothing to read.)
     */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !length.isBlank() && !"0".equals(length.trim());
    }

    /** Ends the exchange without reading what is left of the request. */
    static void stopReading(RoutingContext rc) {
        if (rc.request().version() == HttpVersion.HTTP_2) {
            rc.response().reset(0); // NO_ERROR: "the rest of the request is not needed" (RFC 9113, 8.1)
        } else if (rc.request().connection() != null) {
            rc.request().connection().close();
        }
    }
}
