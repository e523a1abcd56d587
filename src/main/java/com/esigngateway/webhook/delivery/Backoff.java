package com.esigngateway.webhook.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the wait after the {@code n}-th failed attempt is {@code initial × 2^(n-1)}, at most
 * {@code max}, less a random share of up to {@code jitter} of it (so that retries after an outage spread out and
 * never come later than the schedule says).
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
    }

    /** The nominal wait after failed attempt {@code failures} (1 for the first), without jitter. */
    public Duration nominal(int failures) {
        long initialMillis = Math.max(1, initial.toMillis());
        int doublings = Math.min(Math.max(0, failures - 1), 40);
        double millis = Math.min((double) max.toMillis(), initialMillis * Math.pow(2, doublings));
        return Duration.ofMillis((long) millis);
    }

    public Duration delay(int failures, DoubleSupplier random) {
        Duration nominal = nominal(failures);
        return Duration.ofMillis(Math.round(nominal.toMillis() * (1 - jitter * random.getAsDouble())));
    }
}
