package com.esigngateway.vendor.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/** The call slots (upload slots, rate-limit holds): immediate shedding, a bounded wait queue, and no slot ever lost. */
class CallSlotsTest {

    static final class Busy extends RuntimeException {
    }

    /** A call that stays in flight until the test completes it. */
    static final class Held {
        final io.smallrye.mutiny.subscription.UniEmitter<? super String>[] emitter = new io.smallrye.mutiny.subscription.UniEmitter[1];
        final AtomicInteger started = new AtomicInteger();

        Uni<String> call() {
            return Uni.createFrom().emitter(e -> {
                started.incrementAndGet();
                emitter[0] = e;
            });
        }

        void finish() {
            emitter[0].complete("done");
        }
    }

    @Test
    void withoutAQueueTheCallOverTheLimitIsShedAtOnce() {
        CallSlots slots = new CallSlots(2, 0, Duration.ofSeconds(1), Duration.ZERO, retryAfter -> new Busy(), waited -> { });
        Held first = new Held();
        Held second = new Held();
        Held third = new Held();

        var a = slots.run(first::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());
        var b = slots.run(second::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());
        var c = slots.run(third::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());

        c.assertFailedWith(Busy.class);
        assertThat(third.started).hasValue(0);
        assertThat(slots.inFlight()).isEqualTo(2);

        first.finish();
        a.assertItem("done");
        assertThat(slots.inFlight()).isEqualTo(1);
        var d = slots.run(third::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertThat(third.started).hasValue(1);
        second.finish();
        third.finish();
        b.assertItem("done");
        d.assertItem("done");
        assertThat(slots.inFlight()).isZero();
    }

    @Test
    void aQueuedCallRunsWhenASlotFreesUp() {
        CallSlots slots = new CallSlots(1, 1, Duration.ofSeconds(5), Duration.ZERO, retryAfter -> new Busy(), waited -> { });
        Held first = new Held();
        Held queued = new Held();

        var a = slots.run(first::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());
        var b = slots.run(queued::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());
        var c = slots.run(new Held()::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());

        c.assertFailedWith(Busy.class); // queue full
        assertThat(queued.started).hasValue(0);
        first.finish();
        a.assertItem("done");
        assertThat(queued.started).hasValue(1);
        queued.finish();
        b.assertItem("done");
        assertThat(slots.inFlight()).isZero();
    }

    @Test
    void aQueuedCallGivesUpAfterTheQueueTimeout() {
        CallSlots slots = new CallSlots(1, 1, Duration.ofMillis(100), Duration.ZERO, retryAfter -> new Busy(), waited -> { });
        Held first = new Held();
        Held queued = new Held();
        slots.run(first::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());

        var b = slots.run(queued::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());

        b.awaitFailure(Duration.ofSeconds(5)).assertFailedWith(Busy.class);
        assertThat(queued.started).hasValue(0);
        first.finish();
        assertThat(slots.inFlight()).isZero();
    }

    @Test
    void aCancelledWaiterDoesNotKeepTheSlot() {
        CallSlots slots = new CallSlots(1, 2, Duration.ofSeconds(5), Duration.ZERO, retryAfter -> new Busy(), waited -> { });
        Held first = new Held();
        Held cancelled = new Held();
        Held next = new Held();
        slots.run(first::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());
        var b = slots.run(cancelled::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());
        var c = slots.run(next::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());

        b.cancel();
        first.finish();

        assertThat(cancelled.started).hasValue(0);
        assertThat(next.started).hasValue(1);
        next.finish();
        c.assertItem("done");
        assertThat(slots.inFlight()).isZero();
    }

    @Test
    void aFailedCallFreesItsSlot() {
        CallSlots slots = new CallSlots(1, 0, Duration.ofSeconds(1), Duration.ZERO, retryAfter -> new Busy(), waited -> { });
        slots.run(() -> Uni.createFrom().<String> failure(new IllegalStateException("vendor down")), Deadline.none())
                .subscribe().withSubscriber(UniAssertSubscriber.create()).assertFailedWith(IllegalStateException.class);
        assertThat(slots.inFlight()).isZero();
    }

    @Test
    void withAHoldAfterTheSlotIsFreedOnlyThatLongAfterTheCallEnded() {
        Duration holdAfter = Duration.ofMillis(300);
        CallSlots slots = new CallSlots(1, 1, Duration.ofSeconds(5), holdAfter, retryAfter -> new Busy(), waited -> { });
        Held first = new Held();
        Held next = new Held();
        slots.run(first::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());
        var b = slots.run(next::call, Deadline.none()).subscribe().withSubscriber(UniAssertSubscriber.create());

        long ended = System.nanoTime();
        first.finish();
        assertThat(next.started).as("the slot is still held right after the call ended").hasValue(0);
        assertThat(slots.inFlight()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> next.started.get() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - ended)).isGreaterThanOrEqualTo(holdAfter);
        next.finish();
        b.assertItem("done");
        await().atMost(Duration.ofSeconds(5)).until(() -> slots.inFlight() == 0);
    }
}
