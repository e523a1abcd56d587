package com.esigngateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Protection of the vendor call: rate limit, bulkhead and circuit breaker. */
@ConfigMapping(prefix = "esign.upstream")
public interface UpstreamConfig {

    RateLimit rateLimit();

    /** Session creations (uploads) in flight to the vendor at once; more wait in a queue, or are shed with 503. */
    @WithDefault("8")
    int maxConcurrent();

    /** Creations that may wait for a free slot when {@link #maxConcurrent()} are in flight (0: shed at once). */
    @WithDefault("100")
    int queue();

    /**
     * How long a queued creation waits for a slot before it is shed. Slot holders may themselves wait for their place
     * in the rate limit (at most {@code rate-limit.max-wait}), so this is the longer of the two waits.
     */
    @WithDefault("10s")
    Duration queueTimeout();

    /** The breaker of session creations, {@code vendor-create-session}. */
    CircuitBreakerSettings circuitBreaker();

    interface RateLimit {
        /** Vendor calls about sessions per window, for this gateway instance. */
        @WithDefault("25")
        int requests();

        /** The sliding window: no window of this length ever holds more than {@link #requests()} calls. */
        @WithDefault("1s")
        Duration window();

        /** Calls that may wait for a place in the window (0: shed at once). */
        @WithDefault("100")
        int queue();

        /** The longest a call waits for its place; a call whose place is further away is shed with 429. */
        @WithDefault("5s")
        Duration maxWait();

        /**
         * Added to the window between a place and the one {@link #requests()} later. The limit itself is kept by the
         * holds (a call holds one from just before it is sent until a window after it ended); the margin spaces the
         * places so that a call seldom has to wait for a hold, for calls that take a little longer than planned to
         * reach the vendor (a new connection, a busy machine).
         */
        @WithDefault("250ms")
        Duration safetyMargin();
    }
}
