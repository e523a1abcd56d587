package com.esigngateway.api.http;

import java.util.function.LongSupplier;

import com.esigngateway.config.GatewayConfig;

import io.vertx.core.Vertx;

/**
 * The time a request body may take to arrive: {@code esign.gateway.body-timeout} plus the bytes received so far at
 * {@code esign.gateway.body-min-rate}, so that the deadline moves as bytes arrive. One rule for every body the
 * gateway reads itself: the callers' ({@link RequestBodies}) and the vendor's webhooks ({@code WebhookReceiver}).
 * Every method runs on the request's event loop.
 */
public final class BodyDeadline {

    /** The deadline's settings, read once from the configuration. */
    public record Limits(long timeoutMillis, double bytesPerMilli) {

        public static Limits of(GatewayConfig config) {
            return new Limits(config.bodyTimeout().toMillis(), Math.max(1, config.bodyMinRate().asLongValue()) / 1000.0);
        }

        /** What a caller is told when its body was too slow (no request data in it). */
        public String detail() {
            return "The body did not arrive in time: send it within " + timeoutMillis / 1000.0
                    + " s plus its size at the minimum rate (" + Math.round(bytesPerMilli * 1000) + " bytes/s).";
        }
    }

    private final Vertx vertx;
    private final Limits limits;
    private final LongSupplier received;
    private final Runnable expired;
    private final long start = System.nanoTime();
    private long timer = -1;
    private boolean over;

    private BodyDeadline(Vertx vertx, Limits limits, LongSupplier received, Runnable expired) {
        this.vertx = vertx;
        this.limits = limits;
        this.received = received;
        this.expired = expired;
    }

    /**
     * Watches a body from now: {@code expired} runs once, on the event loop, when the body is late.
     *
     * @param received how many bytes of the body have arrived so far
     */
    public static BodyDeadline start(Vertx vertx, Limits limits, LongSupplier received, Runnable expired) {
        BodyDeadline deadline = new BodyDeadline(vertx, limits, received, expired);
        deadline.timer = vertx.setTimer(limits.timeoutMillis(), deadline::check);
        return deadline;
    }

    /** The body arrived (or the request is over some other way): the deadline no longer applies. */
    public void cancel() {
        over = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** Milliseconds since the body was first waited for. */
    public long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void check(long ignored) {
        timer = -1;
        if (over) {
            return;
        }
        long elapsed = elapsedMillis();
        long deadline = limits.timeoutMillis() + (long) (received.getAsLong() / limits.bytesPerMilli());
        if (elapsed >= deadline) {
            over = true;
            expired.run();
        } else {
            timer = vertx.setTimer(deadline - elapsed, this::check);
        }
    }
}
