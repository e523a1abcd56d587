package com.esigngateway.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's own metrics, next to SmallRye Fault Tolerance's {@code ft_*} ones. Tags carry only
 * fixed vocabularies (operation, outcome, reason): never an id, an email, a key or a token.
 */
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;
    /**
     * The meters of the per-request series, by their tag values: looking a meter up by a builder (a new id, tags and
     * histogram settings each time) costs more than recording into it. The tags are fixed vocabularies, so these
     * stay small.
     */
    private final Map<String, Timer> vendorCalls = new ConcurrentHashMap<>();
    private final Map<String, Counter> sessionsCreated = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One vendor call: how long it took, by operation and classified outcome. */
    public void vendorCall(String operation, String outcome, Duration took) {
        vendorCalls.computeIfAbsent(operation + '\n' + outcome, key -> Timer.builder("esign.vendor.calls")
                .description("Calls to the vendor by operation and classified outcome")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry))
                .record(took);
    }

    /** @param reason why a token was fetched: {@code cold}, {@code expiry} or {@code rejected} */
    public void tokenAcquisition(String reason) {
        Counter.builder("esign.vendor.token.acquisitions")
                .description("Vendor tokens fetched, by why: cold start, expiry or refusal")
                .tag("reason", reason)
                .register(registry).increment();
    }

    /** @param client the configured name of the calling service */
    public void sessionCreated(String client) {
        sessionsCreated.computeIfAbsent(client, name -> Counter.builder("esign.sessions.created")
                .description("Signing sessions the vendor created, by calling service")
                .tag("client", name)
                .register(registry)).increment();
    }

    /**
     * A request turned away by the gateway itself: {@code validation}, {@code payload_too_large}, {@code body_timeout},
     * {@code media_type}, {@code rate_limit}, {@code bulkhead}, {@code idempotency_store_full},
     * {@code idempotency_store_unavailable}, {@code breaker} or {@code auth}.
     */
    public void rejected(String reason) {
        Counter.builder("esign.requests.rejected")
                .description("Requests the gateway turned away itself, by reason")
                .tag("reason", reason)
                .register(registry).increment();
    }

    /**
     * What became of an attempt whose outcome is unknown: {@code recorded} (it ended so), {@code reconciled} (a retry
     * found its session at the vendor), {@code unresolved} (a retry could not find it: 409 outcome-unknown).
     */
    public void unknownOutcome(String result) {
        Counter.builder("esign.idempotency.unknown_outcomes")
                .description("Idempotency-Key attempts whose outcome at the vendor is unknown, and what their retries found")
                .tag("result", result)
                .register(registry).increment();
    }

    /** A shared-state feature ({@code rate_limit}, {@code token}, {@code idempotency}) that fell back because Redis failed. */
    public void stateFallback(String feature) {
        Counter.builder("esign.state.fallback")
                .description("Calls a shared-state feature served without Redis (or refused) because Redis failed")
                .tag("feature", feature)
                .register(registry).increment();
    }

    public void spooledBytes(Supplier<Number> bytes) {
        Gauge.builder("esign.gateway.spooled.bytes", bytes).baseUnit("bytes")
                .description("Bytes of documents in temporary files right now (capacity: esign.gateway.spool-capacity)")
                .register(registry);
    }

    /** How long a vendor call waited in one of the upstream queues ({@code rate_limit}, {@code upload_slots}). */
    public void queueWait(String queue, Duration waited) {
        Timer.builder("esign.upstream.queue")
                .description("Time vendor calls waited for a place in the upstream rate limit or for an upload slot")
                .tag("queue", queue)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(waited);
    }

    /** Vendor calls waiting in an upstream queue right now. */
    public void queueWaiting(String queue, Supplier<Number> waiting) {
        Gauge.builder("esign.upstream.queue.waiting", waiting).tag("queue", queue)
                .description("Vendor calls waiting in an upstream queue").register(registry);
    }

    /** Calls of a client waiting for a place of its share of the rate limit right now. */
    public void shareWaiting(String client, Supplier<Number> waiting) {
        Gauge.builder("esign.upstream.queue.waiting", waiting).tag("queue", "rate_limit_share:" + client)
                .description("Vendor calls waiting in an upstream queue").register(registry);
    }

    /**
     * A caller's vendor call refused by a rate limit ({@code limit}: {@code share}, the client's own share, or
     * {@code upstream}, the global one). {@code client} is a configured client's name or one value for all JWT callers.
     */
    public void rateLimited(String client, String limit) {
        Counter.builder("esign.upstream.rate_limited").description("Callers' vendor calls refused by a rate limit (429)")
                .tag("client", client).tag("limit", limit).register(registry).increment();
    }

    public void uploadsInFlight(Supplier<Number> inFlight) {
        Gauge.builder("esign.upstream.uploads.in_flight", inFlight)
                .description("Session uploads to the vendor in flight").register(registry);
    }
}
