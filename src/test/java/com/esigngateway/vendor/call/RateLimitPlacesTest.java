package com.esigngateway.vendor.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sliding-window places: never more than the limit in any window, given in arrival order, bounded waits. */
class RateLimitPlacesTest {

    static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void theFirstPlacesAreNowThenOneWindowAfterThePlaceTheLimitBack() {
        RateLimitPlaces places = new RateLimitPlaces(3, Duration.ofSeconds(1));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(places.take(10 * SECOND));
        }
        assertThat(waits.subList(0, 3)).containsOnly(0L);
        // the 4th, 5th and 6th wait about a window, the 7th about two: non-decreasing, in arrival order
        assertThat(waits.subList(3, 6)).allSatisfy(wait -> assertThat(wait).isBetween(SECOND - SECOND / 10, SECOND));
        assertThat(waits.get(6)).isBetween(2 * SECOND - SECOND / 10, 2 * SECOND);
        assertThat(waits).isSorted();
    }

    @Test
    void aPlaceFurtherAwayThanTheWaitAllowedIsRefusedWithItsDistanceAndNotTaken() {
        RateLimitPlaces places = new RateLimitPlaces(1, Duration.ofSeconds(1));
        assertThat(places.take(0)).isZero();
        long refused = places.take(SECOND / 2);
        assertThat(refused).isNegative();
        assertThat(-refused).isBetween(SECOND / 2, SECOND);
        // the refusal took nothing: the next place is still one window after the first
        assertThat(places.take(2 * SECOND)).isBetween(SECOND / 2, SECOND);
    }

    @Test
    void withoutWaitingOnlyTheLimitGetsThrough() {
        RateLimitPlaces places = new RateLimitPlaces(5, Duration.ofSeconds(60));
        long granted = java.util.stream.IntStream.range(0, 10).mapToLong(i -> places.take(0)).filter(w -> w == 0).count();
        assertThat(granted).isEqualTo(5);
    }
}
