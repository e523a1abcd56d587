package com.esigngateway.vendor.auth;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * The vendor token kept where every gateway instance reads it ({@code esign.state.store=redis}), so that all of them
 * use one token and fetch a new one once per TTL between them. Whoever finds it due takes the refresh lock; the lock
 * hands out a generation, and only a write with a newer generation than the last one is stored (fencing: a fetcher
 * that was paused past its lock cannot overwrite a newer token). Every failure is a plain failure: the provider then
 * works with its own token, as in memory mode.
 */
public interface SharedTokens {

    /** In memory mode: nothing is shared. */
    SharedTokens NONE = new SharedTokens() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public Uni<Stored> read() {
            return unavailable();
        }

        @Override
        public Uni<Long> lock(String owner, Duration hold, long replacing) {
            return unavailable();
        }

        @Override
        public Uni<Boolean> write(String token, Duration trusted, long generation, String owner) {
            return unavailable();
        }

        @Override
        public Uni<Void> drop(String token) {
            return unavailable();
        }

        @Override
        public Uni<Void> release(String owner) {
            return unavailable();
        }

        private <T> Uni<T> unavailable() {
            return Uni.createFrom().failure(new IllegalStateException("no shared token"));
        }
    };

    /**
     * What is stored: the token (null: none), how long it is still trusted, whether someone holds the lock, and the
     * generation the token was written with.
     */
    record Stored(String token, Duration remaining, boolean locked, long generation) {

        @Override
        public String toString() {
            return "Stored[token=" + (token == null ? "none" : "******") + ", remaining=" + remaining + ", locked="
                    + locked + ", generation=" + generation + "]";
        }
    }

    boolean active();

    Uni<Stored> read();

    /**
     * Takes the refresh lock for {@code hold}, if the stored token is still the one of generation {@code replacing}
     * (0: still none), so that an instance that saw the token due after another one had already replaced it does not
     * fetch once more (by generation, not by value: the vendor may hand out the same token string again): the
     * generation to write with, or 0 when someone else holds the lock or the token changed.
     */
    Uni<Long> lock(String owner, Duration hold, long replacing);

    /**
     * Stores {@code token}, trusted for {@code trusted}, unless a token of a newer generation was stored meanwhile;
     * releases {@code owner}'s lock either way. Whether it was stored.
     */
    Uni<Boolean> write(String token, Duration trusted, long generation, String owner);

    /** Removes {@code token} if it is still the stored one: a refusal seen late never removes a newer token. */
    Uni<Void> drop(String token);

    /** Releases the lock if {@code owner} still holds it (after a failed fetch). */
    Uni<Void> release(String owner);
}
