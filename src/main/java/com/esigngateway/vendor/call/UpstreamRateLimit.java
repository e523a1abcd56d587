package com.esigngateway.vendor.call;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.UpstreamConfig;
import com.esigngateway.observability.GatewayMetrics;

import io.smallrye.mutiny.Uni;

/**
 * The gateway's share of the vendor's quota: at most {@code esign.upstream.rate-limit.requests} vendor calls in any
 * {@code …window}. A call over the limit does not fail at once: it is given the next free place in the window (in
 * arrival order) and waits for it, as long as that is at most {@code …max-wait} away, fits the caller's deadline and
 * at most {@code …queue} calls are already waiting. Otherwise it fails with {@link VendorFailure#RATE_LIMITED} and
 * the time after which a place will be free, from the real queue; the vendor is not called.
 * <p>
 * A caller that goes away while it waits leaves its place unused: the limit is never exceeded, at the price of a
 * place. With {@code …queue=0} (or {@code …max-wait=0}) the limiter sheds at once instead of queueing.
 */
@ApplicationScoped
public class UpstreamRateLimit {

    private final RateLimitPlaces places;
    private final UpstreamConfig.RateLimit limit;
    private final GatewayMetrics metrics;
    private int waiting;

    UpstreamRateLimit(UpstreamConfig upstream, GatewayMetrics metrics) {
        this.limit = upstream.rateLimit();
        this.metrics = metrics;
        this.places = new RateLimitPlaces(limit.requests(), limit.window().plus(limit.safetyMargin()));
        metrics.queueWaiting("rate_limit", this::waiting);
    }

    <T> Uni<T> run(Supplier<Uni<T>> call, Deadline deadline) {
        return Uni.createFrom().deferred(() -> {
            Duration maxWait = deadline.within(limit.maxWait());
            long wait;
            synchronized (this) {
                wait = places.take(waiting < limit.queue() ? maxWait.toNanos() : 0);
                if (wait > 0) {
                    waiting++;
                }
            }
            if (wait < 0) {
                return Uni.createFrom().failure(limited(Duration.ofNanos(-wait)));
            }
            metrics.queueWait("rate_limit", Duration.ofNanos(wait));
            if (wait == 0) {
                return call.get();
            }
            return CallerContext.resume(Uni.createFrom().voidItem().onItem().delayIt().by(TimerDelays.of(Duration.ofNanos(wait))))
                    .onTermination().invoke(this::leftQueue)
                    .chain(ignored -> call.get());
        });
    }

    private synchronized void leftQueue() {
        waiting--;
    }

    synchronized int waiting() {
        return waiting;
    }

    private VendorException limited(Duration retryAfter) {
        long seconds = Math.max(1, (limit.window().toMillis() + 999) / 1000);
        return new VendorException(VendorFailure.RATE_LIMITED, "More than " + limit.requests() + " vendor calls per "
                + seconds + " s would exceed the vendor quota; retry after the Retry-After delay.", retryAfter);
    }
}
