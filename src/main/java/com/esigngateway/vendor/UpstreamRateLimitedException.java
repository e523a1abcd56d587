package com.esigngateway.vendor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.esigngateway.config.UpstreamConfig;
import com.esigngateway.api.problem.ProblemException;
import com.esigngateway.api.problem.ProblemResponses;
import com.esigngateway.api.problem.ProblemType;

/**
 * The gateway's own upstream rate limit turned a creation away; the vendor was not called. Carries the
 * quota in the IETF draft's structured headers: {@code RateLimit-Policy: "upstream";q=25;w=1} and
 * {@code RateLimit: "upstream";r=0;t=1}.
 */
public class UpstreamRateLimitedException extends ProblemException {

    UpstreamRateLimitedException(UpstreamConfig.RateLimit limit, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED,
                "More than " + limit.requests() + " session creations per " + seconds(limit.window())
                        + " s would exceed the vendor quota; retry after the Retry-After delay.",
                List.of(), retryAfter, headers(limit, retryAfter), null);
    }

    private static Map<String, String> headers(UpstreamConfig.RateLimit limit, Duration retryAfter) {
        return Map.of(
                "RateLimit-Policy", "\"upstream\";q=" + limit.requests() + ";w=" + seconds(limit.window()),
                "RateLimit", "\"upstream\";r=0;t=" + ProblemResponses.retryAfterSeconds(retryAfter));
    }

    private static long seconds(Duration window) {
        return ProblemResponses.retryAfterSeconds(window);
    }
}
