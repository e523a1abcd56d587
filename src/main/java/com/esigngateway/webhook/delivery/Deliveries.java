package com.esigngateway.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.esigngateway.config.WebhookConfig;
import com.esigngateway.observability.WebhookMetrics;
import com.esigngateway.webhook.queue.Lease;
import com.esigngateway.webhook.queue.VerifiedEvent;
import com.esigngateway.webhook.queue.WebhookQueue;

import io.smallrye.mutiny.Uni;

/**
 * One delivery attempt and what follows from its answer: a {@code 2xx} is done; {@code 410 Gone} disables the
 * subscriber (its events wait until an operator enables it again); anything else is retried after the backoff or the
 * subscriber's {@code Retry-After}, whichever is later, until the last attempt makes it a dead letter.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    private final EventSender sender;
    private final WebhookQueue queue;
    private final WebhookMetrics metrics;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;

    Deliveries(EventSender sender, WebhookQueue queue, WebhookMetrics metrics, WebhookConfig config, Clock clock) {
        this.sender = sender;
        this.queue = queue;
        this.metrics = metrics;
        WebhookConfig.Delivery delivery = config.delivery();
        this.backoff = new Backoff(delivery.initialDelay(), delivery.maxDelay(), delivery.jitter());
        this.maxAttempts = Math.max(1, delivery.maxAttempts());
        this.clock = clock;
    }

    public Uni<Void> attempt(Subscriber subscriber, Lease<VerifiedEvent> lease) {
        VerifiedEvent event = lease.item();
        long started = System.nanoTime();
        return sender.send(subscriber, event).chain(attempt -> {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Instant now = clock.instant();
            if (attempt.delivered()) {
                metrics.attempt(subscriber.name(), "success", took);
                metrics.delivered(subscriber.name(), Duration.between(event.receivedAt(), now));
                LOG.infof("Event %s delivered to %s (attempt %d, HTTP %d)", event.eventId(), subscriber.name(),
                        lease.attempt(), attempt.status());
                return queue.done(lease);
            }
            if (attempt.gone()) {
                metrics.attempt(subscriber.name(), "gone", took);
                LOG.warnf("Subscriber %s answered 410 Gone: no more deliveries to it until it is enabled again "
                        + "(POST /admin/webhooks/subscribers/%s/enable); its events wait", subscriber.name(), subscriber.name());
                return queue.disable(subscriber.name(), "410 Gone").chain(() -> queue.later(lease, now, "HTTP 410"));
            }
            metrics.attempt(subscriber.name(), attempt.timedOut() ? "timeout" : "failure", took);
            if (lease.attempt() >= maxAttempts) {
                metrics.deadLettered(subscriber.name(), "attempts");
                LOG.warnf("Event %s to %s failed %d times (last: %s): a dead letter", event.eventId(), subscriber.name(),
                        lease.attempt(), attempt.describe());
                return queue.deadLetter(lease, "attempts", attempt.describe(), now);
            }
            Duration wait = backoff.delay(lease.attempt(), ThreadLocalRandom.current()::nextDouble);
            Optional<Duration> asked = RetryAfter.parse(attempt.retryAfter(), now);
            if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
                wait = asked.get();
            }
            metrics.retried(subscriber.name());
            LOG.infof("Event %s to %s failed (attempt %d: %s); next attempt in %d ms", event.eventId(), subscriber.name(),
                    lease.attempt(), attempt.describe(), wait.toMillis());
            return queue.later(lease, now.plus(wait), attempt.describe());
        });
    }
}
