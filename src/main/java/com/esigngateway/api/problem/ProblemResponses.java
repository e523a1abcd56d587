package com.esigngateway.api.problem;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.Response;

import com.esigngateway.api.model.Problem;
import com.esigngateway.api.model.Violation;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static Response.ResponseBuilder builder(ProblemType type, String detail, List<Violation> violations,
            String requestId, Duration retryAfter) {
        Problem problem = new Problem()
                .type(type.type().toString())
                .title(type.title())
                .status(type.status())
                .detail(detail)
                .requestId(requestId)
                .violations(violations == null || violations.isEmpty() ? null : violations);
        Response.ResponseBuilder builder = Response.status(type.status()).type(MEDIA_TYPE).entity(problem);
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfterSeconds(retryAfter));
        }
        return builder;
    }

    public static Response of(ProblemException e, String requestId) {
        return builder(e.type(), e.getMessage(), e.violations(), requestId, e.retryAfter().orElse(null)).build();
    }

    /** Whole seconds, rounded up, at least 1: a client that waits that long will not be turned away early. */
    public static long retryAfterSeconds(Duration retryAfter) {
        long millis = Math.max(0, retryAfter.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
