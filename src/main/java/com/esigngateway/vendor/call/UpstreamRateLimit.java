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
 * A place is a plan: it assumes the call reaches the vendor soon after it. A call that takes longer to get there (a
 * new connection, a cold or starved process) would move into the next window and make the vendor see more than the
 * limit, so every call also holds one of {@code …requests} holds from just before it is sent until one window after
 * it has ended. The vendor sees a call between those two moments, so it can never see more than the limit in any
 * window, however late calls arrive. A call that finds every hold taken waits for one (as for its place, at most
 * {@code …max-wait} and its deadline); with the default safety margin that rarely happens.
 * <p>
 * A caller that goes away while it waits leaves its place unused: the limit is never exceeded, at the price of a
 * place. With {@code …queue=0} (or {@code …max-wait=0}) the limiter sheds at once instead of queueing.
 */
@ApplicationScoped
public class UpstreamRateLimit {

    private final RateLimitPlaces places;
    private final CallSlots holds;
    private final UpstreamConfig.RateLimit limit;
    private final GatewayMetrics metrics;
    private int waiting;

    UpstreamRateLimit(UpstreamConfig upstream, GatewayMetrics metrics) {
        this.limit = upstream.rateLimit();
        this.metrics = metrics;
        this.places = new RateLimitPlaces(limit.requests(), limit.window().plus(limit.safetyMargin()));
        this.holds = new CallSlots(limit.requests(), limit.queue(), limit.maxWait(), limit.window(), this::limited,
                waited -> metrics.queueWait("rate_limit_hold", waited));
        metrics.queueWaiting("rate_limit", this::waiting);
        metrics.queueWaiting("rate_limit_hold", holds::waiting);
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
                return holds.run(call, deadline);
            }
            return CallerContext.resume(Uni.createFrom().voidItem().onItem().delayIt().by(TimerDelays.of(Duration.ofNanos(wait))))
                    .onTermination().invoke(this::leftQueue)
                    .chain(ignored -> holds.run(call, deadline));
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
