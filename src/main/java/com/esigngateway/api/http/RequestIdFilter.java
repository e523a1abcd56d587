package com.esigngateway.api.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import com.esigngateway.observability.RequestIds;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Gives every request an id before anything else sees it: it replaces the request header (so the
 * resource, the exception mappers and the vendor call all read the same value), echoes it on the
 * response and puts it in the logging context.
 */
@ApplicationScoped
public class RequestIdFilter {

    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestIds.accept(rc.request().getHeader(RequestIds.HEADER));
            rc.request().headers().set(RequestIds.HEADER, id);
            rc.response().putHeader(RequestIds.HEADER, id);
            MDC.put(RequestIds.MDC_KEY, id);
            rc.addEndHandler(ignored -> MDC.remove(RequestIds.MDC_KEY));
            rc.next();
        }, PRIORITY);
    }
}
