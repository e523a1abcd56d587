package com.esigngateway.state;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import com.esigngateway.config.StateConfig;
import com.esigngateway.state.redis.RedisState;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.health.api.Wellness;

/**
 * Where the shared state is, under {@code /q/health/well}: {@code store} ({@code memory} or {@code redis}) and, with
 * Redis, whether it answers ({@code redis}: {@code ok}, {@code failing: …}, {@code refused: …}) and the state of its
 * breaker; DOWN while Redis fails. Not a readiness check, on purpose: while Redis is down every instance still serves
 * (requests without a key, the rate limit and the token per instance), so it must not take them all out of service.
 * (The Redis client's own readiness check is off for the same reason: {@code quarkus.redis.health.enabled=false}.)
 */
@Wellness
@ApplicationScoped
public class StateHealthCheck implements HealthCheck {

    private final StateConfig config;
    private final Instance<RedisState> redis;
    private final CircuitBreakerMaintenance breakers;

    StateHealthCheck(StateConfig config, Instance<RedisState> redis, CircuitBreakerMaintenance breakers) {
        this.config = config;
        this.redis = redis;
        this.breakers = breakers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("state").up();
        if (config.store() != StateConfig.Store.REDIS) {
            return response.withData("store", "memory").build();
        }
        RedisState state = redis.get();
        response.withData("store", "redis");
        CircuitBreakerState breaker = breakerState();
        response.withData("circuit-breaker." + RedisState.BREAKER, breaker == null ? "unused" : breaker.name());
        if (state.refusal().isPresent()) {
            return response.withData("redis", "refused: " + state.refusal().get()).down().build();
        }
        if (state.lastFailure().isPresent() || breaker == CircuitBreakerState.OPEN) {
            return response.withData("redis", "failing: " + state.lastFailure().orElse("breaker open")).down().build();
        }
        return response.withData("redis", "ok").build();
    }

    private CircuitBreakerState breakerState() {
        try {
            return breakers.currentState(RedisState.BREAKER);
        } catch (RuntimeException notYetCreated) {
            return null;
        }
    }
}
