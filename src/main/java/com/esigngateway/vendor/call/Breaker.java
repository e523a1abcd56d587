package com.esigngateway.vendor.call;

import java.time.Duration;

import com.esigngateway.config.CircuitBreakerSettings;

/** A named circuit breaker, what it guards (for messages) and how it trips: several operations may share one. */
public record Breaker(String name, String description, int requestVolume, double failureRatio, Duration delay,
        int successThreshold) {

    public static Breaker of(String name, String description, CircuitBreakerSettings settings) {
        return new Breaker(name, description, settings.requestVolume(), settings.failureRatio(), settings.delay(),
                settings.successThreshold());
    }
}
