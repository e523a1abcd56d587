package com.esigngateway.vendor.call;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.esigngateway.time.TimerDelays;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A fixed number of slots for vendor calls. A call holds its slot while it is in flight and, when {@code holdAfter}
 * is set, for that long after it has ended. Over the limit a call waits in a queue, in arrival order, for at most the
 * queue timeout (or what is left of its deadline); when the queue is full, or with no queue, it is shed at once. A
 * shed call learns when to come back: the calls ahead of it times the recent holding time, per slot.
 * <p>
 * Used twice: the upload slots (calls in flight at once) and the rate limit's holds (calls that began in the last
 * window, see {@link UpstreamRateLimit}).
 * <p>
 * Our own code rather than SmallRye's {@code @Bulkhead}: for asynchronous calls that one requires a queue of at
 * least one and lets queued calls wait without a time limit, while the gateway bounds the wait and can shed at once.
 */
final class CallSlots {

    /** Weight of the newest upload time in the running average the Retry-After estimate uses. */
    private static final double AVERAGE_WEIGHT = 0.2;

    private final int limit;
    private final int queueLimit;
    private final Duration queueTimeout;
    private final Function<Duration, RuntimeException> busy;
    private final Consumer<Duration> waited;
    private final long holdAfterMillis;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inFlight;
    private double averageNanos = Duration.ofSeconds(1).toNanos();

    CallSlots(int limit, int queueLimit, Duration queueTimeout, Duration holdAfter,
            Function<Duration, RuntimeException> busy, Consumer<Duration> waited) {
        this.limit = Math.max(1, limit);
        this.queueLimit = Math.max(0, queueLimit);
        this.queueTimeout = queueTimeout;
        this.busy = busy;
        this.waited = waited;
        this.holdAfterMillis = holdAfter.isZero() || holdAfter.isNegative() ? 0 : TimerDelays.of(holdAfter).toMillis();
    }

    <T> Uni<T> run(Supplier<Uni<T>> call, Deadline deadline) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> turn;
            long queuedAt = System.nanoTime();
            Duration timeout = deadline.within(queueTimeout);
            synchronized (this) {
                if (inFlight < limit) {
                    inFlight++;
                    return holding(call);
                }
                if (waiting.size() >= queueLimit || timeout.isZero()) {
                    return Uni.createFrom().failure(busy.apply(retryAfter(waiting.size())));
                }
                turn = new CompletableFuture<>();
                waiting.add(turn);
            }
            Infrastructure.getDefaultWorkerPool().schedule(() -> {
                RuntimeException shed;
                synchronized (this) {
                    shed = busy.apply(retryAfter(waiting.size()));
                }
                if (turn.completeExceptionally(shed)) {
                    synchronized (this) {
                        waiting.remove(turn);
                    }
                }
            }, TimerDelays.of(timeout).toMillis(), TimeUnit.MILLISECONDS);
            return CallerContext.resume(Uni.createFrom().completionStage(turn))
                    .onCancellation().invoke(() -> giveUp(turn))
                    .invoke(granted -> waited.accept(Duration.ofNanos(System.nanoTime() - queuedAt)))
                    .chain(granted -> holding(call));
        });
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** When a slot is likely free for one more caller: the waiting ones and it, spread over the slots. */
    private Duration retryAfter(int ahead) {
        long nanos = (long) (averageNanos * (ahead + 1) / limit);
        return Duration.ofNanos(Math.max(Duration.ofSeconds(1).toNanos(), nanos));
    }

    private <T> Uni<T> holding(Supplier<Uni<T>> call) {
        long started = System.nanoTime();
        return Uni.createFrom().deferred(call::get).onTermination().invoke(() -> {
            synchronized (this) {
                averageNanos += AVERAGE_WEIGHT * ((System.nanoTime() - started) - averageNanos + holdAfterMillis * 1_000_000L);
            }
            if (holdAfterMillis == 0) {
                release();
            } else {
                Infrastructure.getDefaultWorkerPool().schedule(this::release, holdAfterMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** A waiter went away: leave the queue, or pass on the slot it was granted meanwhile. */
    private void giveUp(CompletableFuture<Void> turn) {
        if (turn.completeExceptionally(new java.util.concurrent.CancellationException())) {
            synchronized (this) {
                waiting.remove(turn);
            }
        } else {
            release();
        }
    }

    /** Hands the slot to the next waiter that has not given up, or frees it. */
    private void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
            }
            if (next.complete(null)) {
                return;
            }
        }
    }
}
