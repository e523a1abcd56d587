package com.esigngateway.vendor.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.esigngateway.time.TimerDelays;

/**
 * A wait of a fraction of a millisecond (a rate-limit place 0.4 ms away) once reached a Vert.x timer as 0 ms, which
 * Vert.x refuses: the caller got a 500 in a burst. Every timer delay is now whole milliseconds, at least one.
 */
class TimerDelaysTest {

    @Test
    void fractionsOfAMillisecondBecomeOneAndLongerWaitsAreRoundedUp() {
        assertThat(TimerDelays.of(Duration.ZERO)).isEqualTo(Duration.ofMillis(1));
        assertThat(TimerDelays.of(Duration.ofNanos(400_000))).isEqualTo(Duration.ofMillis(1));
        assertThat(TimerDelays.of(Duration.ofNanos(1_000_001))).isEqualTo(Duration.ofMillis(2));
        assertThat(TimerDelays.of(Duration.ofMillis(250))).isEqualTo(Duration.ofMillis(250));
        assertThat(TimerDelays.of(Duration.ofNanos(-5))).isEqualTo(Duration.ofMillis(1));
    }
}
