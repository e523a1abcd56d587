package com.esigngateway.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import com.esigngateway.webhook.queue.Backlog;
import com.esigngateway.webhook.queue.WebhookQueue;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;

/**
 * The status events at a glance, under {@code /q/health/well}: per queue (verification, each subscriber) what waits,
 * how old the oldest is, the dead letters, and whether a subscriber is disabled. DOWN while the verification queue is
 * full (the vendor's webhooks are refused) or a subscriber is disabled (its events wait for an operator). Never a
 * readiness check: a subscriber's outage must not take the gateway out of service.
 */
@Wellness
@ApplicationScoped
public class WebhookHealthCheck implements AsyncHealthCheck {

    private final WebhookQueue queue;
    private final Clock clock;

    WebhookHealthCheck(WebhookQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Instant now = clock.instant();
        return queue.backlog(now).chain(backlog -> queue.disabled().map(disabled -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("webhooks").up();
            boolean down = false;
            for (Map.Entry<String, Backlog.Queue> entry : backlog.queues().entrySet()) {
                String name = entry.getKey();
                Backlog.Queue state = entry.getValue();
                String prefix = WebhookQueue.VERIFICATION.equals(name) ? "verification" : "subscriber." + name;
                response.withData(prefix + ".waiting", state.waiting());
                response.withData(prefix + ".oldest-seconds",
                        state.oldest() == null ? 0 : Math.max(0, Duration.between(state.oldest(), now).toSeconds()));
                response.withData(prefix + ".dead-letters", state.deadLetters());
                if (!WebhookQueue.VERIFICATION.equals(name)) {
                    response.withData(prefix + ".state", disabled.contains(name) ? "disabled" : "enabled");
                }
                down |= WebhookQueue.VERIFICATION.equals(name) && state.full() || disabled.contains(name);
            }
            return down ? response.down().build() : response.build();
        }));
    }
}
