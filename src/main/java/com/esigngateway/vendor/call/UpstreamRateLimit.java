package com.esigngateway.vendor.call;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.UpstreamConfig;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;
import io.smallrye.mutiny.Uni;

/**
 * The gateway's share of the vendor's quota: at most {@code esign.upstream.rate-limit.requests} vendor calls per
 * rolling {@code …window}, per instance. Over it, the call fails with {@link VendorFailure#RATE_LIMITED} and the time
 * after which one more call fits; the vendor is not called.
 */
@ApplicationScoped
public class UpstreamRateLimit {

    private final Guard guard;
    private final UpstreamConfig.RateLimit limit;

    UpstreamRateLimit(UpstreamConfig upstream) {
        this.limit = upstream.rateLimit();
        this.guard = Guard.create()
                .withDescription("vendor-upstream-rate-limit")
                .withRateLimit()
                .limit(limit.requests())
                .window(limit.window().toMillis(), ChronoUnit.MILLIS)
                .type(RateLimitType.ROLLING)
                .done()
                .build();
    }

    @SuppressWarnings("unchecked")
    <T> Uni<T> run(Supplier<Uni<T>> call) {
        return ((Uni<T>) guard.get(call::get, Uni.class))
                .onFailure(RateLimitException.class).transform(e -> limited(
                        Duration.ofMillis(Math.max(1, ((RateLimitException) e).getRetryAfterMillis()))));
    }

    private VendorException limited(Duration retryAfter) {
        long seconds = Math.max(1, (limit.window().toMillis() + 999) / 1000);
        return new VendorException(VendorFailure.RATE_LIMITED, "More than " + limit.requests() + " session creations per "
                + seconds + " s would exceed the vendor quota; retry after the Retry-After delay.", retryAfter);
    }
}
