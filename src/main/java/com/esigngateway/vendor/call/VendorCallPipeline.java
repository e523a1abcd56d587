package com.esigngateway.vendor.call;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.esigngateway.config.UpstreamConfig;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.observability.VendorSpans;
import com.esigngateway.time.TimerDelays;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The one way every vendor operation is called, as its {@link VendorOperation declaration} says, in this order:
 * <ol>
 * <li>retries with exponential backoff and jitter, for operations declared safe to repeat, within the deadline;</li>
 * <li>the upstream rate limit, for operations it counts (429 when exhausted; the vendor is not called);</li>
 * <li>the upload slots, for operations that take one (503 when all are in use);</li>
 * <li>the operation's circuit breaker, which counts only vendor outages (5xx, unreadable answers, timeouts,
 * connection failures), never content errors or 4xx;</li>
 * <li>the call with its time limit (the shorter of the operation's and what is left of the deadline), cancelled when
 * it runs out, its answer classified into a result or a {@link VendorFailure}, a metric and a span for it.</li>
 * </ol>
 * The token step (fetch, and one repeat after a refusal) is {@code VendorGateway}'s, which calls this for every
 * attempt; the token calls themselves come through here too, without a token.
 */
@ApplicationScoped
public class VendorCallPipeline {

    private final VendorAnswers answers;
    private final UpstreamRateLimit rateLimit;
    private final CallSlots slots;
    private final VendorEvents events;
    private final GatewayMetrics metrics;
    private final VendorSpans spans;
    private final Map<String, Guard> breakers = new ConcurrentHashMap<>();
    private final Map<String, Breaker> declared = new ConcurrentHashMap<>();

    VendorCallPipeline(ObjectMapper mapper, UpstreamRateLimit rateLimit, UpstreamConfig upstream, VendorEvents events,
            GatewayMetrics metrics, VendorSpans spans) {
        this.answers = new VendorAnswers(mapper);
        this.rateLimit = rateLimit;
        this.events = events;
        this.metrics = metrics;
        this.spans = spans;
        this.slots = new CallSlots(upstream.maxConcurrent(), upstream.queue(), upstream.queueTimeout(), Duration.ZERO,
                retryAfter -> new VendorException(VendorFailure.BUSY, "All " + upstream.maxConcurrent()
                        + " upload slots to the vendor are in use; retry shortly.", retryAfter),
                waited -> metrics.queueWait("upload_slots", waited));
        metrics.uploadsInFlight(slots::inFlight);
        metrics.queueWaiting("upload_slots", slots::waiting);
    }

    /** Makes an operation known (its breaker shows in health data from now on) and returns it. */
    public <A, T> VendorOperation<A, T> declare(VendorOperation.Builder<A, T> builder) {
        VendorOperation<A, T> operation = builder.build();
        if (operation.breaker != null) {
            declared.putIfAbsent(operation.breaker.name(), operation.breaker);
            breaker(operation.breaker);
        }
        return operation;
    }

    /** The breakers of the declared operations, by name. */
    public List<String> breakerNames() {
        return declared.keySet().stream().sorted().toList();
    }

    /** Upload slots in use, for health data. */
    public int uploadsInFlight() {
        return slots.inFlight();
    }

    /**
     * One attempt of {@code operation} with {@code token} (null for operations without one), retries included when
     * the operation allows them.
     */
    public <A, T> Uni<T> run(VendorOperation<A, T> operation, A argument, String token, String requestId,
            Deadline deadline) {
        VendorOperation.Attempt attempt = new VendorOperation.Attempt(token, requestId, operation.maxAnswer);
        Supplier<Uni<T>> guarded = () -> guarded(operation, () -> timed(operation, argument, attempt, deadline), deadline);
        return operation.retry == null ? Uni.createFrom().deferred(guarded::get)
                : withRetries(operation.retry, guarded, 0, deadline);
    }

    /**
     * Upload slot first, the rate-limit place last before the breaker and the call: a permit is taken just before the
     * request leaves, so waiting for a slot can never bunch calls that the limiter had spread out.
     */
    private <T> Uni<T> guarded(VendorOperation<?, T> operation, Supplier<Uni<T>> call, Deadline deadline) {
        Supplier<Uni<T>> breakerGuarded = operation.breaker == null ? call : () -> breakerGuarded(operation.breaker, call);
        Supplier<Uni<T>> rateLimited = operation.rateLimited ? () -> rateLimit.run(breakerGuarded, deadline) : breakerGuarded;
        return operation.uploadSlots ? slots.run(rateLimited, deadline) : Uni.createFrom().deferred(rateLimited::get);
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> breakerGuarded(Breaker breaker, Supplier<Uni<T>> call) {
        return ((Uni<T>) breaker(breaker).get(call::get, Uni.class))
                .onFailure(CircuitBreakerOpenException.class).transform(open -> new VendorException(
                        VendorFailure.CIRCUIT_OPEN, "Calls to the vendor's " + breaker.description()
                                + " are paused after repeated failures.", breaker.delay()));
    }

    private Guard breaker(Breaker breaker) {
        return breakers.computeIfAbsent(breaker.name(), name -> Guard.create()
                .withDescription(name)
                .withCircuitBreaker()
                .name(name)
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(VendorException::isOutage)
                .onStateChange(state -> events.breakerChanged(name, state))
                .done()
                .build());
    }

    private <A, T> Uni<T> timed(VendorOperation<A, T> operation, A argument, VendorOperation.Attempt attempt,
            Deadline deadline) {
        if (deadline.over()) {
            return Uni.createFrom().failure(deadline.exceeded(
                    "before " + operation.name + " was sent; the vendor was not called"));
        }
        Duration limit = deadline.within(operation.timeLimit);
        return spans.traced("vendor " + operation.name, SpanKind.CLIENT, VendorSpans.OPERATION, operation.metricName,
                () -> {
                    long started = System.nanoTime();
                    return Uni.createFrom().deferred(() -> operation.request.apply(argument, attempt))
                            .ifNoItem().after(TimerDelays.of(limit)).failWith(() -> VendorAnswers.timeout(limit))
                            .onFailure(failure -> !(failure instanceof VendorException))
                            .transform(failure -> VendorAnswers.fromFailure(operation.name, failure, limit))
                            .map(response -> answers.classify(operation, response))
                            .onFailure(VendorException.class)
                            .transform(failure -> ((VendorException) failure).afterSending())
                            .onItemOrFailure().invoke((item, failure) -> metrics.vendorCall(operation.metricName,
                                    outcome(failure), Duration.ofNanos(System.nanoTime() - started)));
                }, VendorCallPipeline::outcome);
    }

    private <T> Uni<T> withRetries(RetrySettings retry, Supplier<Uni<T>> attempt, int retried, Deadline deadline) {
        return Uni.createFrom().deferred(attempt::get).onFailure(VendorException::isOutage).recoverWithUni(failure -> {
            Duration backoff = backoff(retry, retried);
            if (retried >= retry.maxRetries() || !deadline.allows(backoff)) {
                return Uni.createFrom().failure(failure);
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(TimerDelays.of(backoff))
                    .chain(() -> withRetries(retry, attempt, retried + 1, deadline));
        });
    }

    /** {@code initialDelay × 2^retried}, at most {@code maxDelay}, plus or minus up to {@code jitter}. */
    static Duration backoff(RetrySettings retry, int retried) {
        long base = Math.min(retry.maxDelay().toMillis(), retry.initialDelay().toMillis() << Math.min(retried, 20));
        long jitter = retry.jitter().toMillis();
        long offset = jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
        return Duration.ofMillis(Math.max(0, base + offset));
    }

    /** The classified outcome of a call, as a metric tag. */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        return failure instanceof VendorException vendor ? vendor.kind().tag() : "error";
    }
}
