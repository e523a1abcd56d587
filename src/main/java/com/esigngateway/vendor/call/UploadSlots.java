package com.esigngateway.vendor.call;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Bounds the session uploads in flight to the vendor. Over the limit a call waits in a short queue,
 * if one is configured, for at most the queue timeout; otherwise it is shed at once.
 * <p>
 * Our own code rather than SmallRye's {@code @Bulkhead}: for asynchronous calls that one requires a
 * queue of at least one and lets queued calls wait without a time limit, while the gateway's default is
 * to shed immediately (the request body is already in memory while it waits).
 */
final class UploadSlots {

    private final int limit;
    private final int queueLimit;
    private final Duration queueTimeout;
    private final Supplier<RuntimeException> busy;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inFlight;

    UploadSlots(int limit, int queueLimit, Duration queueTimeout, Supplier<RuntimeException> busy) {
        this.limit = Math.max(1, limit);
        this.queueLimit = Math.max(0, queueLimit);
        this.queueTimeout = queueTimeout;
        this.busy = busy;
    }

    <T> Uni<T> run(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> turn;
            synchronized (this) {
                if (inFlight < limit) {
                    inFlight++;
                    return holding(call);
                }
                if (waiting.size() >= queueLimit) {
                    return Uni.createFrom().failure(busy.get());
                }
                turn = new CompletableFuture<>();
                waiting.add(turn);
            }
            Infrastructure.getDefaultWorkerPool().schedule(() -> {
                if (turn.completeExceptionally(busy.get())) {
                    synchronized (this) {
                        waiting.remove(turn);
                    }
                }
            }, queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return Uni.createFrom().completionStage(turn)
                    .onCancellation().invoke(() -> giveUp(turn))
                    .chain(granted -> holding(call));
        });
    }

    synchronized int inFlight() {
        return inFlight;
    }

    private <T> Uni<T> holding(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(call::get).onTermination().invoke(this::release);
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
