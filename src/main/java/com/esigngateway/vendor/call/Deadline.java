package com.esigngateway.vendor.call;

import java.time.Duration;

/**
 * The moment by which a caller's whole request must be answered: token acquisition, guards, retries and the call
 * itself all take their time out of it, so that no chain of steps outlives it.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long atNanos;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** No deadline beyond each call's own time limit. */
    public static Deadline none() {
        return NONE;
    }

    /** Time left, never negative; {@code null} for {@link #none()}. */
    public Duration remaining() {
        if (this == NONE) {
            return null;
        }
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /** The shorter of {@code limit} and the time left. */
    public Duration within(Duration limit) {
        Duration left = remaining();
        return left == null || limit.compareTo(left) <= 0 ? limit : left;
    }

    /** Whether {@code wait} still fits before the deadline. */
    public boolean allows(Duration wait) {
        Duration left = remaining();
        return left == null || wait.compareTo(left) < 0;
    }
}
