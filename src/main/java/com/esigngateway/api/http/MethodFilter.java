package com.esigngateway.api.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.HttpMethod;

import com.esigngateway.api.problem.ProblemResponses;
import com.esigngateway.api.problem.ProblemType;
import com.esigngateway.observability.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers what the method alone decides, for the API's paths, from {@link AllowedMethods}: {@code OPTIONS} with
 * {@code Allow}, and a method the path does not support (a {@code HEAD} where there is no {@code GET} too) with a
 * {@code 405} problem carrying {@code Allow}. Quarkus REST would advertise {@code HEAD} in {@code OPTIONS} for
 * every resource and answer its {@code 405}s without {@code Allow}.
 */
@ApplicationScoped
public class MethodFilter {

    private final AllowedMethods allowed = AllowedMethods.ofTheApi();
    private final ObjectMapper mapper;

    public MethodFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public AllowedMethods allowed() {
        return allowed;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            var route = allowed.route(rc.normalizedPath()).orElse(null);
            String method = rc.request().method().name();
            if (route == null || route.methods().contains(method) && !method.equals(HttpMethod.OPTIONS)) {
                rc.next();
                return;
            }
            RouteTemplates.use(rc, route.template());
            rc.response().putHeader(HttpHeaders.ALLOW, route.allowHeader());
            if (method.equals(HttpMethod.OPTIONS)) {
                rc.response().setStatusCode(204).end();
                return;
            }
            notAllowed(rc);
        }, RequestIdFilter.PRIORITY - 2);
    }

    private void notAllowed(RoutingContext rc) {
        var problem = ProblemResponses.builder(ProblemType.METHOD_NOT_ALLOWED, "This path does not support the method.",
                List.of(), rc.request().getHeader(RequestIds.HEADER), null).build().getEntity();
        try {
            rc.response().setStatusCode(405).putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
