package com.esigngateway.state.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import com.esigngateway.api.model.SigningSession;
import com.esigngateway.config.GatewayConfig;
import com.esigngateway.session.IdempotencyStore;

import io.smallrye.mutiny.Uni;

/**
 * Idempotency records in this instance's memory (lost when it stops), bounded by {@code esign.gateway.idempotency.capacity}: the sum of
 * the records' estimated sizes, running attempts included. A record lives its retention and is removed only then
 * (time from the injectable {@link Clock}); a new key that does not fit is refused, never made room for.
 * <p>
 * Not a Quarkus Cache: a cache with a size bound evicts live entries when it is full, which is the one thing an
 * idempotency store must not do. Every retention is the same, so records expire in the order they were completed
 * and a queue in that order finds the expired ones without a scan. One lock guards it all; nothing slow runs under it.
 */
// the IdempotencyStore is chosen by esign.state.store (StateStores)
@ApplicationScoped
@Typed(MemoryIdempotencyStore.class)
public class MemoryIdempotencyStore implements IdempotencyStore {

    private final Clock clock;
    private final Duration retention;
    private final long capacity;

    private final Map<String, Entry> entries = new HashMap<>();
    private final ArrayDeque<Entry> byExpiry = new ArrayDeque<>();
    private long used;

    public MemoryIdempotencyStore(Clock clock, GatewayConfig config) {
        this.clock = clock;
        this.retention = config.idempotency().retention();
        this.capacity = config.idempotency().capacity().asLongValue();
    }

    private static final class Entry {
        final Attempt attempt;
        final CompletableFuture<Kept> outcome = new CompletableFuture<>();
        Kept kept;
        boolean unknown;
        Instant expiresAt;

        Entry(Attempt attempt) {
            this.attempt = attempt;
        }
    }

    @Override
    public Uni<Claim> claim(Attempt attempt) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                Instant now = clock.instant();
                removeExpired(now);
                Entry existing = entries.get(attempt.key());
                if (existing != null) {
                    if (existing.kept != null) {
                        return existing.kept;
                    }
                    return existing.unknown ? new Unknown(existing.attempt.fingerprint())
                            : new Running(existing.attempt.fingerprint(), Uni.createFrom().completionStage(existing.outcome));
                }
                if (used + attempt.bytes() > capacity) {
                    Entry oldest = byExpiry.peekFirst();
                    return new Full(oldest == null ? Duration.ofSeconds(1) : Duration.between(now, oldest.expiresAt));
                }
                entries.put(attempt.key(), new Entry(attempt));
                used += attempt.bytes();
                return new Started();
            }
        });
    }

    /** The entry of {@code attempt} while it is still running (neither kept, unknown nor replaced), else null. */
    private Entry running(Attempt attempt) {
        Entry entry = entries.get(attempt.key());
        return entry == null || entry.attempt != attempt || entry.kept != null || entry.unknown ? null : entry;
    }

    /** The retention of a finished entry (kept or unknown) counts from now. */
    private void retainFromNow(Entry entry) {
        entry.expiresAt = clock.instant().plus(retention);
        byExpiry.addLast(entry);
    }

    @Override
    public Uni<Void> complete(Attempt attempt, SigningSession answer) {
        return Uni.createFrom().item(() -> {
            Entry entry;
            synchronized (this) {
                entry = running(attempt);
                if (entry == null) {
                    return null;
                }
                entry.kept = new Kept(attempt.fingerprint(), attempt.token(), answer);
                retainFromNow(entry);
            }
            entry.outcome.complete(entry.kept);
            return null;
        });
    }

    @Override
    public Uni<Void> unknown(Attempt attempt) {
        return Uni.createFrom().item(() -> {
            Entry entry;
            synchronized (this) {
                entry = running(attempt);
                if (entry == null) {
                    return null;
                }
                entry.unknown = true;
                retainFromNow(entry);
            }
            entry.outcome.completeExceptionally(new Abandoned());
            return null;
        });
    }

    @Override
    public Uni<Void> settle(Attempt attempt, SigningSession answer) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                Entry entry = entries.get(attempt.key());
                if (entry != null && entry.unknown && entry.kept == null) {
                    // keeps its place in the expiry order: the retention counts from when the outcome became unknown
                    entry.kept = new Kept(entry.attempt.fingerprint(), UUID.randomUUID(), answer);
                }
            }
            return null;
        });
    }

    @Override
    public Uni<Void> abandon(Attempt attempt, Throwable failure) {
        return Uni.createFrom().item(() -> {
            Entry entry;
            synchronized (this) {
                entry = running(attempt);
                if (entry == null) {
                    return null;
                }
                entries.remove(attempt.key());
                used -= attempt.bytes();
            }
            entry.outcome.completeExceptionally(failure == null ? new Abandoned() : failure);
            return null;
        });
    }

    private void removeExpired(Instant now) {
        for (Entry oldest = byExpiry.peekFirst(); oldest != null && !oldest.expiresAt.isAfter(now); oldest = byExpiry.peekFirst()) {
            byExpiry.pollFirst();
            entries.remove(oldest.attempt.key(), oldest);
            used -= oldest.attempt.bytes();
        }
    }
}
