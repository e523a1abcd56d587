package com.esigngateway.vendor;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import com.esigngateway.vendor.auth.VendorTokenProvider;
import com.esigngateway.vendor.call.VendorCallPipeline;
import com.esigngateway.vendor.rest.VendorBaseUrl;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.health.api.Wellness;

/**
 * The vendor side at a glance, under {@code /q/health/well}: the state of every declared operation's breaker
 * ({@code unused} until its first call), whether a token is held
 * and for how long, uploads in flight. It is DOWN while a breaker is open. It is deliberately not a
 * readiness check: a vendor outage must not take every pod out of service, so that callers keep
 * getting fast 503 answers instead of connection errors.
 */
@Wellness
@ApplicationScoped
public class VendorHealthCheck implements HealthCheck {

    private final CircuitBreakerMaintenance breakers;
    private final VendorTokenProvider tokens;
    private final VendorCallPipeline pipeline;
    private final VendorBaseUrl baseUrl;
    private final Clock clock;

    VendorHealthCheck(CircuitBreakerMaintenance breakers, VendorTokenProvider tokens, VendorCallPipeline pipeline,
            VendorBaseUrl baseUrl, Clock clock) {
        this.breakers = breakers;
        this.tokens = tokens;
        this.pipeline = pipeline;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("vendor").up();
        boolean open = false;
        for (String breaker : pipeline.breakerNames()) {
            CircuitBreakerState state = state(breaker);
            response.withData("circuit-breaker." + breaker, state == null ? "unused" : state.name());
            open |= state == CircuitBreakerState.OPEN;
        }
        tokens.held().ifPresentOrElse(token -> {
            response.withData("token", "held");
            response.withData("token.refresh-in-seconds",
                    Math.max(0, Duration.between(clock.instant(), token.refreshAt()).toSeconds()));
        }, () -> response.withData("token", "none"));
        response.withData("uploads-in-flight", pipeline.uploadsInFlight());
        response.withData("vendor", baseUrl.isSimulator() ? "embedded simulator" : "configured");
        return open ? response.down().build() : response.build();
    }

    /** Null until the breaker has been used (breakers are created with the first call). */
    private CircuitBreakerState state(String name) {
        try {
            return breakers.currentState(name);
        } catch (RuntimeException notYetCreated) {
            return null;
        }
    }
}
