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

    CircuitBreaker circuitBreaker();

    interface RateLimit {
        /** Session creations sent to the vendor per window, for this gateway instance. */
        @WithDefault("25")
        int requests();

        @WithDefault("1s")
        Duration window();
    }

    interface CircuitBreaker {
        /** Calls in the rolling window the breaker looks at; it cannot open before the window is full. */
        @WithDefault("10")
        int requestVolume();

        /** Share of vendor failures in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before it lets a probe through. */
        @WithDefault("15s")
        Duration delay();

        /** Successful probes needed to close it again. */
        @WithDefault("2")
        int successThreshold();
    }
}
