package com.esigngateway.api.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.esigngateway.api.problem.ProblemResponses;
import com.esigngateway.api.problem.ProblemType;
import com.esigngateway.config.GatewayConfig;
import com.esigngateway.config.SimulatorConfig;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.observability.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Turns away a body whose declared length is over {@code esign.gateway.max-body-size} with a 413
 * problem before a byte of it is read, and ends the connection once the answer is written
 * ({@link EarlyAnswers}). A chunked body, which declares no length, is counted as it arrives
 * ({@link RequestBodies}). The limit is the callers': the embedded simulator, which receives the gateway's own
 * ~3.6 times larger vendor bodies, has its own ({@code esign.simulator.max-body-megabytes}).
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Where the embedded simulator lives; its routes are not the caller-facing API. */
    public static final String SIMULATOR_PATH = "/simulator/";

    private final GatewayConfig config;
    private final SimulatorConfig simulator;
    private final ObjectMapper mapper;
    private final GatewayMetrics metrics;

    public BodyLimitFilter(GatewayConfig config, SimulatorConfig simulator, ObjectMapper mapper,
            GatewayMetrics metrics) {
        this.config = config;
        this.simulator = simulator;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    void register(@Observes Filters filters) {
        long limit = config.maxBodySize().asLongValue();
        boolean simulatorServed = simulator.enabled();
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)
                    && !(simulatorServed && rc.normalizedPath().startsWith(SIMULATOR_PATH))) {
                ProblemType.PAYLOAD_TOO_LARGE.rejection().ifPresent(metrics::rejected);
                String requestId = rc.request().getHeader(RequestIds.HEADER);
                var problem = ProblemResponses.builder(ProblemType.PAYLOAD_TOO_LARGE,
                        "The body is " + length + " bytes; this gateway accepts at most " + limit + ".", List.of(),
                        requestId, null).build().getEntity();
                try {
                    rc.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(mapper.writeValueAsString(problem));
                } catch (JsonProcessingException e) {
                    rc.fail(e);
                }
                return;
            }
            rc.next();
        }, RequestIdFilter.PRIORITY - 1);
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
