package com.esigngateway.simulator;

import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Failures the simulator injects, switchable at runtime ({@code PUT /simulator/admin/faults}) to show
 * the breaker, the timeouts and the token refresh at work. Rates are between 0 and 1.
 */
@RegisterForReflection
public record SimulatorFaults(
        @JsonProperty("latencyMs") long latencyMs,
        @JsonProperty("errorRate") double errorRate,
        @JsonProperty("garbageRate") double garbageRate,
        @JsonProperty("tokenRejectionRate") double tokenRejectionRate) {

    public static final SimulatorFaults NONE = new SimulatorFaults(0, 0, 0, 0);

    public SimulatorFaults {
        latencyMs = Math.max(0, Math.min(latencyMs, 120_000));
        errorRate = clamp(errorRate);
        garbageRate = clamp(garbageRate);
        tokenRejectionRate = clamp(tokenRejectionRate);
    }

    boolean error() {
        return roll(errorRate);
    }

    boolean garbage() {
        return roll(garbageRate);
    }

    boolean rejectToken() {
        return roll(tokenRejectionRate);
    }

    private static boolean roll(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private static double clamp(double rate) {
        return Double.isNaN(rate) ? 0 : Math.max(0, Math.min(1, rate));
    }
}
