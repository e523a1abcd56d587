package com.esigngateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Protection of the vendor call: rate limit, bulkhead and circuit breaker. */
@ConfigMapping(prefix = "esign.upstream")
public interface UpstreamConfig {

    RateLimit rateLimit();

    /** Session creations (uploads) in flight to the vendor at once; more are shed with 503. */
    @WithDefault("8")
    int maxConcurrent();

    /** Creations that may wait for a free slot when {@link #maxConcurrent()} are in flight. */
    @WithDefault("0")
    int queue();

    /** How long a queued creation waits for a slot before it is shed. */
    @WithDefault("1s")
    Duration queueTimeout();

    /** The breaker of session creations, {@code vendor-create-session}. */
    CircuitBreakerSettings circuitBreaker();

    interface RateLimit {
        /** Session creations sent to the vendor per window, for this gateway instance. */
        @WithDefault("25")
        int requests();

        @WithDefault("1s")
        Duration window();
    }
}
