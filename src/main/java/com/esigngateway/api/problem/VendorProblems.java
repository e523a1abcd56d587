package com.esigngateway.api.problem;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.esigngateway.config.UpstreamConfig;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.call.ShareLimited;

/**
 * The one place where the vendor's failure kinds become HTTP problems. The upstream rate limit also gets the IETF
 * draft's structured headers: {@code RateLimit-Policy: "upstream";q=25;w=1} and {@code RateLimit: "upstream";r=0;t=1}.
 */
@ApplicationScoped
public class VendorProblems {

    private final UpstreamConfig.RateLimit rateLimit;

    VendorProblems(UpstreamConfig upstream) {
        this.rateLimit = upstream.rateLimit();
    }

    public ProblemType typeOf(VendorException e) {
        return switch (e.kind()) {
            case REJECTED -> ProblemType.VENDOR_REJECTED;
            case NOT_FOUND -> ProblemType.SESSION_NOT_FOUND;
            case CONFLICT -> ProblemType.SESSION_STATE_CONFLICT;
            case TOKEN_REFUSED, CREDENTIALS_REFUSED, BAD_ANSWER, CONNECTION_LOST, UNEXPECTED_REFUSAL ->
                    ProblemType.VENDOR_ERROR;
            case UNREACHABLE, TOKEN_SERVICE_DOWN, THROTTLED -> ProblemType.VENDOR_UNAVAILABLE;
            case TIMEOUT -> ProblemType.VENDOR_TIMEOUT;
            case CIRCUIT_OPEN -> ProblemType.CIRCUIT_OPEN;
            case BUSY -> ProblemType.GATEWAY_BUSY;
            case RATE_LIMITED -> ProblemType.RATE_LIMITED;
        };
    }

    Response.ResponseBuilder problem(VendorException e, String requestId) {
        ProblemType type = typeOf(e);
        Duration retryAfter = e.retryAfter().orElse(null);
        Response.ResponseBuilder builder = ProblemResponses.builder(type, e.getMessage(), java.util.List.of(), requestId,
                retryAfter);
        if (e instanceof ShareLimited share) {
            long window = ProblemResponses.retryAfterSeconds(share.window());
            builder.header("RateLimit-Policy", "\"client\";q=" + share.requests() + ";w=" + window);
            builder.header("RateLimit", "\"client\";r=0;t="
                    + ProblemResponses.retryAfterSeconds(retryAfter == null ? share.window() : retryAfter));
        } else if (type == ProblemType.RATE_LIMITED) {
            long window = ProblemResponses.retryAfterSeconds(rateLimit.window());
            builder.header("RateLimit-Policy", "\"upstream\";q=" + rateLimit.requests() + ";w=" + window);
            builder.header("RateLimit", "\"upstream\";r=0;t="
                    + ProblemResponses.retryAfterSeconds(retryAfter == null ? rateLimit.window() : retryAfter));
        }
        return builder;
    }
}
