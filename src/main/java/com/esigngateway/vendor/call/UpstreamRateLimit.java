package com.esigngateway.vendor.call;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.GatewayConfig;
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
 * <p>
 * A client with a share ({@code esign.gateway.clients.<name>.rate-limit.requests} per {@code …window}) takes a place
 * of its share first, by the same rule and within the same bounds (its own queue of {@code …queue}, {@code …max-wait}
 * and its deadline), then a place of the global limit: over its share its calls wait or are refused with a
 * {@link ShareLimited}, while the other clients' calls go on. Only calls made for a caller carry a client
 * ({@link Deadline#client()}); the gateway's own calls count against the global limit alone. Shares are shared across
 * instances like the global places ({@code rate-limit:client:<name>} in Redis) and fall back per instance the same way.
 */
@ApplicationScoped
public class UpstreamRateLimit {

    /** One sliding window of places: the global limit's, or a client's share. */
    private final class Places {
        final String name;
        final int requests;
        final Duration window;
        final Duration spacing;
        final RateLimitPlaces local;
        final RateLimitPlaces fallback;
        int waiting;

        Places(String name, int requests, Duration window, Duration spacing) {
            this.name = name;
            this.requests = requests;
            this.window = window;
            this.spacing = spacing;
            this.local = new RateLimitPlaces(requests, spacing);
            this.fallback = new RateLimitPlaces(Math.max(1, requests / fallbackReplicas), spacing);
        }

        /** The wait for a place (0: now), or minus the wait needed (no place taken); counted as waiting when above 0. */
        Uni<Long> take(long maxWait) {
            if (!shared.active()) {
                return Uni.createFrom().item(() -> takeLocal(local, maxWait));
            }
            long allowed;
            synchronized (this) {
                allowed = waiting < limit.queue() ? maxWait : 0;
            }
            return shared.take(name, requests, spacing, allowed)
                    .invoke(wait -> {
                        if (wait > 0) {
                            synchronized (this) {
                                waiting++;
                            }
                        }
                    })
                    // the shared implementation reports its own failures; this instance goes on with its own share
                    .onFailure().recoverWithItem(failure -> takeLocal(fallback, maxWait));
        }

        private synchronized long takeLocal(RateLimitPlaces from, long maxWait) {
            long wait = from.take(waiting < limit.queue() ? maxWait : 0);
            if (wait > 0) {
                waiting++;
            }
            return wait;
        }

        synchronized void left() {
            waiting--;
        }

        synchronized int waiting() {
            return waiting;
        }
    }

    private final Places upstream;
    private final Map<String, Places> shares;
    private final CallSlots holds;
    private final SharedRateLimit shared;
    private final UpstreamConfig.RateLimit limit;
    private final GatewayMetrics metrics;
    private final int fallbackReplicas;

    UpstreamRateLimit(UpstreamConfig upstream, GatewayMetrics metrics, SharedRateLimit shared, StateConfig state,
            GatewayConfig gateway) {
        this.limit = upstream.rateLimit();
        this.metrics = metrics;
        this.shared = shared;
        this.fallbackReplicas = Math.max(1, state.redis().fallbackReplicas());
        this.upstream = new Places(SharedRateLimit.UPSTREAM, limit.requests(), limit.window(),
                limit.window().plus(limit.safetyMargin()));
        Map<String, Places> byClient = new HashMap<>();
        gateway.clients().forEach((name, client) -> client.rateLimit().requests().filter(requests -> requests > 0)
                .ifPresent(requests -> byClient.put(name, new Places("client:" + name, requests,
                        client.rateLimit().window(), client.rateLimit().window()))));
        this.shares = Map.copyOf(byClient);
        this.holds = new CallSlots(limit.requests(), limit.queue(), limit.maxWait(), limit.window(), this::limited,
                waited -> metrics.queueWait("rate_limit_hold", waited));
        metrics.queueWaiting("rate_limit", this.upstream::waiting);
        metrics.queueWaiting("rate_limit_hold", holds::waiting);
        shares.forEach((name, places) -> metrics.shareWaiting(name, places::waiting));
    }

    <T> Uni<T> run(Supplier<Uni<T>> call, Deadline deadline) {
        return Uni.createFrom().deferred(() -> {
            Places share = deadline.client() == null ? null : shares.get(deadline.client());
            if (share == null) {
                return global(call, deadline);
            }
            return share.take(deadline.within(limit.maxWait()).toNanos()).chain(wait -> {
                if (wait < 0) {
                    metrics.rateLimited(deadline.client(), "share");
                    return Uni.createFrom().failure(new ShareLimited(share.requests, share.window,
                            Duration.ofNanos(-wait)));
                }
                metrics.queueWait("rate_limit_share", Duration.ofNanos(wait));
                if (wait == 0) {
                    return global(call, deadline);
                }
                return CallerContext.resume(Uni.createFrom().voidItem().onItem().delayIt().by(TimerDelays.of(Duration.ofNanos(wait))))
                        .onTermination().invoke(share::left)
                        .chain(ignored -> global(call, deadline));
            });
        });
    }

    private <T> Uni<T> global(Supplier<Uni<T>> call, Deadline deadline) {
        return upstream.take(deadline.within(limit.maxWait()).toNanos()).chain(wait -> placed(wait, call, deadline));
    }

    private <T> Uni<T> placed(long wait, Supplier<Uni<T>> call, Deadline deadline) {
        if (wait < 0) {
            if (deadline.client() != null) {
                metrics.rateLimited(deadline.client(), "upstream");
            }
            return Uni.createFrom().failure(limited(Duration.ofNanos(-wait)));
        }
        metrics.queueWait("rate_limit", Duration.ofNanos(wait));
        if (wait == 0) {
            return holds.run(call, deadline);
        }
        return CallerContext.resume(Uni.createFrom().voidItem().onItem().delayIt().by(TimerDelays.of(Duration.ofNanos(wait))))
                .onTermination().invoke(upstream::left)
                .chain(ignored -> holds.run(call, deadline));
    }

    int waiting() {
        return upstream.waiting();
    }

    private VendorException limited(Duration retryAfter) {
        long seconds = Math.max(1, (limit.window().toMillis() + 999) / 1000);
        return new VendorException(VendorFailure.RATE_LIMITED, "More than " + limit.requests() + " vendor calls per "
                + seconds + " s would exceed the vendor quota; retry after the Retry-After delay.", retryAfter);
    }
}
