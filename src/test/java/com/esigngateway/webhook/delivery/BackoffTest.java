package com.esigngateway.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The retry schedule: doubling to a maximum, jitter that only shortens, and the subscriber's Retry-After. */
class BackoffTest {

    @Test
    void doublesUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), 0);
        assertThat(backoff.nominal(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.nominal(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.nominal(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(backoff.nominal(10)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(backoff.nominal(11)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.nominal(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 0.2);
        assertThat(backoff.delay(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(9));
        assertThat(backoff.delay(1, () -> 0.9999)).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDateUpToADay() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999", now)).contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
