package com.esigngateway.session;

import java.time.Duration;
import java.util.UUID;

import com.esigngateway.api.model.SigningSession;

import io.smallrye.mutiny.Uni;

/**
 * Where the answers to requests with an {@code Idempotency-Key} are kept, each for the whole retention: a store
 * never drops a live record to make room, it refuses new ones ({@link Full}) instead. A record is running (an
 * attempt holds the key), kept (an answer), or unknown (an attempt may have created a session at the vendor but no
 * answer came). {@link IdempotentRequests} is its only caller; the memory store is
 * {@code state.memory.MemoryIdempotencyStore}, the shared one {@code state.redis.RedisIdempotencyStore}.
 */
public interface IdempotencyStore {

    /**
     * Starts {@code attempt} under its key when the key holds no live record and there is room for it; otherwise
     * says what the key holds, or that there is no room.
     */
    Uni<Claim> claim(Attempt attempt);

    /** The attempt's answer, kept from now for the retention. */
    Uni<Void> complete(Attempt attempt, SigningSession answer);

    /**
     * The attempt ended without an answer, and the vendor may have acted on it: the key keeps the record, as
     * {@link Unknown}, for the retention. Whoever waits for it fails with {@link Abandoned} and then finds it unknown.
     */
    Uni<Void> unknown(Attempt attempt);

    /**
     * The session an unknown record stands for was found ({@code answer}): the key keeps it as its answer (with a
     * token of its own, so that every request replays it) for the rest of the record's retention. A no-op unless the
     * record is unknown.
     */
    Uni<Void> settle(Attempt attempt, SigningSession answer);

    /**
     * The attempt ended without an answer, and the vendor did not act on it: its key is free again. Whoever waits for it fails with {@code failure},
     * or with {@link Abandoned} when there is none (the caller went away), and should then try its own request.
     */
    Uni<Void> abandon(Attempt attempt, Throwable failure);

    /**
     * One request's try at a key.
     *
     * @param token tells this attempt from every other, so that a replay is recognised by the record itself
     * @param bytes the memory the record is estimated to hold once it has its answer
     */
    record Attempt(String key, String fingerprint, long bytes, UUID token) {
    }

    /** What {@link #claim} found. */
    sealed interface Claim permits Started, Kept, Running, Unknown, Full {
    }

    /** The key is the attempt's: it runs, then {@link #complete}s or {@link #abandon}s. */
    record Started() implements Claim {
    }

    /** A kept answer, with the request it answered (its fingerprint) and the attempt that produced it. */
    record Kept(String fingerprint, UUID token, SigningSession answer) implements Claim {
    }

    /** Another attempt with this key is running; {@code outcome} is its answer once it has one. */
    record Running(String fingerprint, Uni<Kept> outcome) implements Claim {
    }

    /** An earlier attempt with this key may have created a session, but nobody knows: it must not run again. */
    record Unknown(String fingerprint) implements Claim {
    }

    /** No room for another record before the oldest one expires, {@code retryAfter} from now. */
    record Full(Duration retryAfter) implements Claim {
    }

    /** The attempt a caller waited for went away without an answer or a failure. */
    final class Abandoned extends RuntimeException {
        public Abandoned() {
            super("the attempt with this key ended without an answer", null, false, false);
        }
    }
}
