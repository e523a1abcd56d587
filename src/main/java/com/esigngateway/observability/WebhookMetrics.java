package com.esigngateway.observability;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics of the status events: webhooks received, rejected and verified, deliveries per subscriber, the backlog.
 * Tags are fixed vocabularies and the configured subscriber names: never a session id, a path secret or a URL.
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A webhook the receiver kept: {@code accepted}, or {@code duplicate} of one kept before. */
    public void received(String outcome) {
        Counter.builder("esign.webhooks.received").description("Vendor webhooks received and kept, or recognised as repeats")
                .tag("outcome", outcome).register(registry).increment();
    }

    /**
     * A webhook turned away: {@code path_secret}, {@code too_large}, {@code malformed}, {@code queue_full} at the
     * receiver; {@code unknown_session}, {@code unknown_signer} when the vendor does not know what it is about.
     */
    public void rejected(String reason) {
        Counter.builder("esign.webhooks.rejected").description("Vendor webhooks turned away, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** A webhook verified against GetSession; {@code agrees} whether the webhook's status was the vendor's. */
    public void verified(boolean agrees) {
        Counter.builder("esign.webhooks.verified").description("Webhooks verified by reading the session back")
                .tag("agrees", String.valueOf(agrees)).register(registry).increment();
    }

    public void delivered(String subscriber, Duration sinceReceived) {
        Counter.builder("esign.webhooks.delivered").description("Events a subscriber took")
                .tag("subscriber", subscriber).register(registry).increment();
        Timer.builder("esign.webhooks.delivery.latency")
                .description("From the vendor's webhook to the subscriber's 2xx, retries included")
                .tag("subscriber", subscriber)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(12))
                .register(registry).record(sinceReceived);
    }

    /** An attempt that failed and will be made again ({@code queue}: a subscriber or {@code verification}). */
    public void retried(String queue) {
        Counter.builder("esign.webhooks.retried").description("Failed attempts that will be repeated")
                .tag("queue", queue).register(registry).increment();
    }

    public void deadLettered(String queue, String reason) {
        Counter.builder("esign.webhooks.dead_lettered").description("Events given up on, kept as dead letters")
                .tag("queue", queue).tag("reason", reason).register(registry).increment();
    }

    /** One delivery attempt: {@code outcome} = {@code success}, {@code failure}, {@code timeout}, {@code gone}. */
    public void attempt(String subscriber, String outcome, Duration took) {
        Timer.builder("esign.webhooks.delivery.attempts").description("Delivery attempts by subscriber and outcome")
                .tag("subscriber", subscriber).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(took);
    }

    /** Entries waiting in a queue ({@code verification} or a subscriber). */
    public void backlog(String queue, Supplier<Number> waiting) {
        Gauge.builder("esign.webhooks.backlog", waiting).tag("queue", queue)
                .description("Events waiting for verification or delivery").register(registry);
    }

    public void deadLetters(String queue, Supplier<Number> kept) {
        Gauge.builder("esign.webhooks.dead_letters", kept).tag("queue", queue)
                .description("Dead letters kept, by queue").register(registry);
    }
}
