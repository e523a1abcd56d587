package com.esigngateway.vendor.call;

import java.time.Duration;

/**
 * The places of a sliding window: {@code limit} calls in any {@code window}. It remembers when the last
 * {@code limit} places were given (some of them may lie in the future, given to callers that wait), so the next place
 * is either now or one window after the place {@code limit} back. Not thread-safe: its owner synchronizes.
 */
final class RateLimitPlaces {

    private final long[] given;
    private final long window;
    private int next;
    private int count;

    RateLimitPlaces(int limit, Duration window) {
        this.given = new long[Math.max(1, limit)];
        this.window = window.toNanos();
    }

    /**
     * Takes the next place if it is at most {@code maxWaitNanos} away.
     *
     * @return the wait until the place (0: now), or minus the wait that would have been needed when the place is
     *         further away than allowed (then no place is taken)
     */
    long take(long maxWaitNanos) {
        long now = System.nanoTime();
        long at = count < given.length ? now : Math.max(now, given[next] + window);
        long wait = at - now;
        if (wait > maxWaitNanos) {
            return -Math.max(1, wait);
        }
        given[next] = at;
        next = (next + 1) % given.length;
        count = Math.min(count + 1, given.length);
        return wait;
    }
}
