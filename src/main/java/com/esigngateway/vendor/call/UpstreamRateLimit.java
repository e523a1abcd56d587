package com.esigngateway.vendor.call;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.StateConfig;
import com.esigngateway.config.UpstreamConfig;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.time.TimerDelays;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;

import io.smallrye.mutiny.Uni;

/**
 * The gateway's share of the vendor's quota: at most {@code esign.upstream.rate-limit.requests} vendor calls in any
 * {@code …window}. A call over the limit does not fail at once: it is given the next free place in the window (in
 * arrival order) and waits for it, as long as that is at most {@code …max-wait} away, fits the caller's deadline and
 * at most {@code …queue} calls are already waiting. Otherwise it fails with {@link VendorFailure#RATE_LIMITED} and
 * the time after which a place will be free, from the real queue; the vendor is not called.
 * <p>
 * With a {@link SharedRateLimit} ({@code esign.state.store=redis}) the places are those of every instance together;
 * the waiting itself, and the bound on it, stay per instance. When the shared places cannot be reached, this instance
 * takes its places from its own share instead: the limit divided by {@code esign.state.redis.fallback-replicas}.
 * <p>
 * A place is a plan: it assumes the call reaches the vendor soon after it. A call that takes longer to get there (a
 * new connection, a cold or starved process) would move into the next window and make the vendor see more than the
 * limit, so every call also holds one of {@code …requests} holds of this instance from just before it is sent until
 * one window after it has ended. The vendor sees a call between those two moments, so one instance can never make it
 * see more than the limit in any window, however late its calls arrive. A call that finds every hold taken waits for
 * one (as for its place, at most {@code …max-wait} and its deadline); with the default safety margin that is rare.
 * Across instances the shared places keep the plan; the holds are not shared.
 * <p>
 * A caller that goes away while it waits leaves its place unused: the limit is never exceeded, at the price of a
 * place. With {@code …queue=0} (or {@code …max-wait=0}) the limiter sheds at once instead of queueing.
 */
@ApplicationScoped
public class UpstreamRateLimit {

    private final RateLimitPlaces places;
    private final RateLimitPlaces fallbackPlaces;
    private final CallSlots holds;
    private final SharedRateLimit shared;
    private final Duration spacing;
    private final UpstreamConfig.RateLimit limit;
    private final GatewayMetrics metrics;
    private int waiting;

    UpstreamRateLimit(UpstreamConfig upstream, GatewayMetrics metrics, SharedRateLimit shared, StateConfig state) {
        this.limit = upstream.rateLimit();
        this.metrics = metrics;
        this.shared = shared;
        this.spacing = limit.window().plus(limit.safetyMargin());
        this.places = new RateLimitPlaces(limit.requests(), spacing);
        this.fallbackPlaces = new RateLimitPlaces(Math.max(1, limit.requests() / Math.max(1,
                state.redis().fallbackReplicas())), spacing);
        this.holds = new CallSlots(limit.requests(), limit.queue(), limit.maxWait(), limit.window(), this::limited,
                waited -> metrics.queueWait("rate_limit_hold", waited));
        metrics.queueWaiting("rate_limit", this::waiting);
        metrics.queueWaiting("rate_limit_hold", holds::waiting);
    }

    <T> Uni<T> run(Supplier<Uni<T>> call, Deadline deadline) {
        return Uni.createFrom().deferred(() -> {
            long maxWait = deadline.within(limit.maxWait()).toNanos();
            if (!shared.active()) {
                return placed(takeLocal(places, maxWait), call, deadline);
            }
            long allowed;
            synchronized (this) {
                allowed = waiting < limit.queue() ? maxWait : 0;
            }
            return shared.take(limit.requests(), spacing, allowed)
                    .invoke(wait -> {
                        if (wait > 0) {
                            enteredQueue();
                        }
                    })
                    // the shared implementation reports its own failures; this instance goes on with its own share
                    .onFailure().recoverWithItem(failure -> takeLocal(fallbackPlaces, maxWait))
                    .chain(wait -> placed(wait, call, deadline));
        });
    }

    /** A place from this instance's own places: the wait (counted as waiting when above 0), or minus the wait needed. */
    private synchronized long takeLocal(RateLimitPlaces from, long maxWait) {
        long wait = from.take(waiting < limit.queue() ? maxWait : 0);
        if (wait > 0) {
            waiting++;
        }
        return wait;
    }

    private <T> Uni<T> placed(long wait, Supplier<Uni<T>> call, Deadline deadline) {
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
    }

    private synchronized void enteredQueue() {
        waiting++;
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
