package com.esigngateway.time;

import java.time.Duration;

/**
 * Delays handed to timers. Vert.x (which runs Mutiny's delays and timeouts in Quarkus) refuses a timer of less than
 * a millisecond, and a deadline or a rate-limit place can be a fraction of one away: such a wait is rounded up to
 * whole milliseconds, never to zero.
 */
public final class TimerDelays {

    private static final Duration ONE_MILLISECOND = Duration.ofMillis(1);

    private TimerDelays() {
    }

    /** {@code wait} in whole milliseconds, rounded up, at least one. */
    public static Duration of(Duration wait) {
        long millis = Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
        return millis == 1 ? ONE_MILLISECOND : Duration.ofMillis(millis);
    }
}
