package com.esigngateway.session;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * The gateway's own record of the sessions it created: which client created each and for which owner, kept for the
 * session's life (its expiry, at most 90 days, plus {@code esign.gateway.session-owners.margin}). The object-level
 * check ({@link SessionAccess}) takes a session's owner from here first and from the vendor's GetSession answer
 * otherwise, so that it holds when the vendor's answer names no owner. The memory store is
 * {@code state.memory.MemorySessionOwners} (per instance, lost when it stops), the shared one
 * {@code state.redis.RedisSessionOwners} (encrypted, for every replica).
 */
public interface SessionOwners {

    /** Keeps who created {@code sessionId} for whom until {@code keepUntil}. */
    Uni<Void> remember(String sessionId, Owned owned, Instant keepUntil);

    /** What the gateway recorded about {@code sessionId}, if it created it and still keeps it. */
    Uni<Optional<Owned>> find(String sessionId);

    /** The creating client and the session's owner. Kept as JSON in Redis. */
    @RegisterForReflection
    record Owned(String client, String owner) {
    }
}
