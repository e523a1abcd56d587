package com.esigngateway.state.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import com.esigngateway.config.GatewayConfig;
import com.esigngateway.session.SessionOwners;

import io.smallrye.mutiny.Uni;

/**
 * The record of session owners in this instance's memory: lost when it stops (sessions created before are then
 * checked against the owner the vendor's GetSession reports, and one whose answer names none is visible only to
 * {@code *} clients), and not seen by other instances. At most {@code esign.gateway.session-owners.capacity} records;
 * beyond, the oldest go first. Expired records are removed as new ones arrive.
 */
// the SessionOwners store is chosen by esign.state.store (StateStores)
@ApplicationScoped
@Typed(MemorySessionOwners.class)
public class MemorySessionOwners implements SessionOwners {

    private record Entry(Owned owned, Instant keepUntil) {
    }

    private final Clock clock;
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    public MemorySessionOwners(Clock clock, GatewayConfig config) {
        this.clock = clock;
        this.capacity = Math.max(1, config.sessionOwners().capacity());
    }

    @Override
    public Uni<Void> remember(String sessionId, Owned owned, Instant keepUntil) {
        return Uni.createFrom().item(() -> {
            synchronized (entries) {
                Instant now = clock.instant();
                if (entries.size() >= capacity) {
                    entries.values().removeIf(entry -> !entry.keepUntil().isAfter(now));
                }
                Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
                while (entries.size() >= capacity && oldest.hasNext()) {
                    oldest.next();
                    oldest.remove();
                }
                entries.put(sessionId, new Entry(owned, keepUntil));
            }
            return null;
        });
    }

    @Override
    public Uni<Optional<Owned>> find(String sessionId) {
        return Uni.createFrom().item(() -> {
            synchronized (entries) {
                Entry entry = entries.get(sessionId);
                if (entry == null) {
                    return Optional.empty();
                }
                if (!entry.keepUntil().isAfter(clock.instant())) {
                    entries.remove(sessionId);
                    return Optional.empty();
                }
                return Optional.of(entry.owned());
            }
        });
    }
}
