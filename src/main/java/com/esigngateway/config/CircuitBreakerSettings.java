package com.esigngateway.config;

import java.time.Duration;

/**
 * How a circuit breaker trips and recovers; the same settings for every breaker, each under its own key with its own
 * defaults (in application.properties: {@code esign.upstream.circuit-breaker.*}, {@code esign.vendor.token.circuit-breaker.*}).
 */
public interface CircuitBreakerSettings {

    /** Calls in the rolling window the breaker looks at; it cannot open before the window is full. */
    int requestVolume();

    /** Share of vendor outages in the window that opens the breaker. */
    double failureRatio();

    /** How long the breaker stays open before it lets a probe through (also the Retry-After while open). */
    Duration delay();

    /** Successful probes needed to close it again. */
    int successThreshold();
}
