package com.esigngateway.simulator;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

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
    static final long MAX_LATENCY_MS = 120_000;
    private static final Set<String> RATES = Set.of("errorRate", "garbageRate", "tokenRejectionRate");

    /**
     * The faults a {@code PUT /simulator/admin/faults} body asks for: an object with any of {@code latencyMs}
     * (whole milliseconds, 0..120000) and the three rates (numbers, 0..1); a field left out is 0.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static SimulatorFaults fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object such as {\"errorRate\": 0.5}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("latencyMs")) {
                if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0
                        || value.asLong() > MAX_LATENCY_MS) {
                    throw new IllegalArgumentException("latencyMs must be a whole number from 0 to " + MAX_LATENCY_MS);
                }
            } else if (RATES.contains(name)) {
                if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
                    throw new IllegalArgumentException(name + " must be a number from 0 to 1");
                }
            } else {
                throw new IllegalArgumentException(name + " is not a known field (latencyMs, errorRate, garbageRate, "
                        + "tokenRejectionRate)");
            }
        }
        return new SimulatorFaults(body.path("latencyMs").asLong(0), body.path("errorRate").asDouble(0),
                body.path("garbageRate").asDouble(0), body.path("tokenRejectionRate").asDouble(0));
    }

    public SimulatorFaults {
        latencyMs = Math.max(0, Math.min(latencyMs, MAX_LATENCY_MS));
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
