package com.esigngateway.api.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request's HTTP metrics ({@code http_server_requests_seconds} and the like) a {@code uri} tag from a
 * fixed vocabulary: the template of the route that answered ({@code /v1/signing-sessions}, {@code /q/metrics},
 * {@code /simulator/rest/v1/encrypt/{plainText}/{salt}}), or {@value #UNKNOWN}. Without it a route without
 * parameters is tagged with the raw request path, so {@code /v1/%2e%2e/q/metrics} and every other spelling of a
 * path makes a new series, and a client can grow the registry at will.
 */
@ApplicationScoped
public class RouteTemplates {

    public static final String UNKNOWN = "UNKNOWN";
    /** The request-context local Quarkus REST and the Micrometer binder use for the template. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    /** Tags the request's metrics with {@code template}, unless something has already. */
    public static void use(RoutingContext rc, String template) {
        if (rc.request() instanceof HttpServerRequestInternal request && request.context().getLocal(URL_PATH_TEMPLATE) == null) {
            request.context().putLocal(URL_PATH_TEMPLATE, template);
        }
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(ignored -> use(rc, templateOf(rc)));
            rc.next();
        }, Integer.MAX_VALUE);
    }

    /** The binder writes a template with a leading slash; the one value for what matched no route has none. */
    @Produces
    @Singleton
    MeterFilter unknownWithoutSlash() {
        return MeterFilter.replaceTagValues("uri", value -> ("/" + UNKNOWN).equals(value) ? UNKNOWN : value);
    }

    /**
     * The template of the route that answered (Quarkus REST sets its own before this runs). A route mounted on a
     * prefix, like the {@code /q} endpoints, is named by the normalized path it served (a finite set), never by the
     * raw path; anything that matched no route, or that a prefix route refused, is {@value #UNKNOWN}.
     */
    static String templateOf(RoutingContext rc) {
        Route route = rc.currentRoute();
        String path = route == null ? null : route.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return UNKNOWN;
        }
        if (path.contains(":")) {
            return path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        }
        String normalized = rc.normalizedPath();
        if (normalized.equals(path) || normalized.equals(path + "/")) {
            return path;
        }
        return rc.response().getStatusCode() < 400 ? normalized : UNKNOWN;
    }
}
