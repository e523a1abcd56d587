package com.esigngateway.vendor.call;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * The places of the upstream rate limit kept where every gateway instance takes them ({@code esign.state.store=redis}),
 * with the same rule as the in-memory {@link RateLimitPlaces}: a place is now, or {@code spacing} after the place
 * {@code limit} back, in arrival order.
 */
public interface SharedRateLimit {

    /** In memory mode: nothing is shared. */
    SharedRateLimit NONE = new SharedRateLimit() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public Uni<Long> take(String name, int limit, Duration spacing, long maxWaitNanos) {
            return Uni.createFrom().failure(new IllegalStateException("no shared rate limit"));
        }
    };

    boolean active();

    /** The name of the global limit's places; a client's share is {@code client:<name>}. */
    String UPSTREAM = "upstream";

    /**
     * Takes the next place of the places {@code name} if it is at most {@code maxWaitNanos} away.
     *
     * @return the wait until the place (0: now), or minus the wait that would have been needed (no place taken); a
     *         failure when the shared places cannot be reached (the caller falls back to its own share)
     */
    Uni<Long> take(String name, int limit, Duration spacing, long maxWaitNanos);
}
