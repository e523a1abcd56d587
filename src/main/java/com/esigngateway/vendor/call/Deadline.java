package com.esigngateway.vendor.call;

import java.time.Duration;
import java.util.function.Supplier;

import com.esigngateway.time.TimerDelays;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;

import io.smallrye.mutiny.Uni;

/**
 * The moment by which a caller's whole request must be answered: token acquisition, guards, retries and the call
 * itself all take their time out of it, so that no chain of steps outlives it.
 */
public final class Deadline {

    private static final String REQUEST_TIMEOUT = "esign.gateway.request-timeout";
    private static final Deadline NONE = new Deadline(Long.MAX_VALUE, null, null, REQUEST_TIMEOUT);

    private final long atNanos;
    private final Duration budget;
    private final String client;
    /** The setting the budget comes from, named when it runs out. */
    private final String setting;

    private Deadline(long atNanos, Duration budget, String client, String setting) {
        this.atNanos = atNanos;
        this.budget = budget;
        this.client = client;
        this.setting = setting;
    }

    public static Deadline after(Duration budget) {
        return after(budget, REQUEST_TIMEOUT);
    }

    /** A deadline whose budget comes from {@code setting} (a download's own time limit). */
    public static Deadline after(Duration budget, String setting) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget, null, setting);
    }

    /**
     * The same deadline for a request made for {@code client} (a metric tag: a configured client's name, or one value
     * for every JWT caller): its vendor calls count against the client's share of the rate limit too, when it has one.
     */
    public Deadline forClient(String client) {
        return this == NONE ? this : new Deadline(atNanos, budget, client, setting);
    }

    /** Whom the calls under this deadline are made for; null for the gateway's own calls. */
    public String client() {
        return client;
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

    /** Whether no time is left. */
    public boolean over() {
        Duration left = remaining();
        return left != null && left.isZero();
    }

    /** The whole time the request was given ({@code null} for {@link #none()}), for messages. */
    public Duration budget() {
        return budget;
    }

    /**
     * {@code waited}, or {@code late}'s failure if it has no item when the deadline comes. Only this subscriber gives
     * up: a shared {@code waited} (a token fetch other requests wait for too) goes on.
     */
    public <T> Uni<T> bound(Uni<T> waited, Supplier<? extends Throwable> late) {
        if (this == NONE) {
            return waited;
        }
        return Uni.createFrom().deferred(() -> {
            Duration left = remaining();
            return left.isZero() ? Uni.createFrom().<T> failure(late.get()) : waited.ifNoItem().after(TimerDelays.of(left)).failWith(late);
        });
    }

    /** The failure of a request whose time ran out {@code when} (a 504). */
    public VendorException exceeded(String when) {
        return new VendorException(VendorFailure.TIMEOUT, "The request's time limit of " + budget.toMillis()
                + " ms (" + setting + ") ran out " + when + ".");
    }
}
