package com.esigngateway.state.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import com.esigngateway.config.WebhookConfig;
import com.esigngateway.webhook.queue.Backlog;
import com.esigngateway.webhook.queue.DeadLetter;
import com.esigngateway.webhook.queue.Lease;
import com.esigngateway.webhook.queue.Receipt;
import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.esigngateway.webhook.queue.VerifiedEvent;
import com.esigngateway.webhook.queue.WebhookQueue;

import io.smallrye.mutiny.Uni;

/**
 * The single-instance store: every queue, the dedupe memory and the dead letters live in this process, bounded
 * ({@code esign.webhooks.queue.*}), and are lost when it stops. One lock guards it all; every operation is a few map
 * and tree operations, so the event loop never waits long.
 */
@ApplicationScoped
@Typed(MemoryWebhookQueue.class)
public class MemoryWebhookQueue implements WebhookQueue {

    private static final Logger LOG = Logger.getLogger(MemoryWebhookQueue.class);
    /** Dedupe keys kept at most; beyond, the oldest are forgotten early (verification still reads the truth). */
    static final int MAX_SEEN = 100_000;

    private static final class Entry {
        final String id;
        final String queue;
        final Object item;
        final Instant enqueuedAt;
        final long sequence;
        int attempts;
        Instant dueAt;
        boolean leased;

        Entry(String id, String queue, Object item, Instant enqueuedAt, long sequence) {
            this.id = id;
            this.queue = queue;
            this.item = item;
            this.enqueuedAt = enqueuedAt;
            this.sequence = sequence;
            this.dueAt = enqueuedAt;
        }
    }

    private record Seen(String eventId, Instant until) {
    }

    private static final Comparator<Entry> BY_DUE = Comparator.<Entry, Instant> comparing(entry -> entry.dueAt)
            .thenComparingLong(entry -> entry.sequence);

    private final int capacity;
    private final int deadLetterCapacity;
    private final java.time.Duration dedupeWindow;
    private final Set<String> subscribers;
    private final Clock clock;

    private final Map<String, Entry> entries = new HashMap<>();
    /** Per queue: its entries in the order they were queued, and those waiting (not leased) by due time. */
    private final Map<String, LinkedHashMap<String, Entry>> queued = new HashMap<>();
    private final Map<String, TreeSet<Entry>> waiting = new HashMap<>();
    private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();
    private final LinkedHashMap<String, DeadLetter> dead = new LinkedHashMap<>();
    private final Set<String> disabled = new LinkedHashSet<>();
    private long sequence;

    public MemoryWebhookQueue(WebhookConfig config, Clock clock) {
        this.capacity = config.queue().capacity();
        this.deadLetterCapacity = config.queue().deadLetterCapacity();
        this.dedupeWindow = config.inbound().dedupeWindow();
        this.subscribers = config.subscribers().keySet();
        this.clock = clock;
    }

    @Override
    public synchronized Uni<Receipt> receive(ReceivedWebhook webhook, String dedupeKey) {
        Instant now = clock.instant();
        forgetExpired(now);
        Seen before = seen.get(dedupeKey);
        if (before != null) {
            return Uni.createFrom().item(Receipt.duplicate(before.eventId()));
        }
        if (queue(VERIFICATION).size() >= capacity) {
            return Uni.createFrom().item(Receipt.full());
        }
        add(VERIFICATION, webhook, webhook.receivedAt());
        seen.put(dedupeKey, new Seen(webhook.eventId(), now.plus(dedupeWindow)));
        if (seen.size() > MAX_SEEN) {
            seen.remove(seen.keySet().iterator().next());
        }
        return Uni.createFrom().item(Receipt.accepted(webhook.eventId()));
    }

    @Override
    public synchronized Uni<List<Lease<ReceivedWebhook>>> dueForVerification(int max, Instant now) {
        return Uni.createFrom().item(due(VERIFICATION, max, now));
    }

    @Override
    public synchronized Uni<Void> verified(Lease<ReceivedWebhook> lease, VerifiedEvent event, Set<String> recipients) {
        Instant now = clock.instant();
        for (String subscriber : recipients) {
            if (queue(subscriber).size() >= capacity) {
                LOG.warnf("Event %s: the queue of subscriber %s is full (%d events); it goes to the dead letters",
                        event.eventId(), subscriber, capacity);
                keepDead(new DeadLetter(newId("dl"), subscriber, event.eventId(), event.type(), 0, "queue-full",
                        "the subscriber's queue was full", now, now, null, event));
            } else {
                add(subscriber, event, now);
            }
        }
        remove(lease.id());
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<List<Lease<VerifiedEvent>>> dueForDelivery(String subscriber, int max, Instant now) {
        if (disabled.contains(subscriber)) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().item(due(subscriber, max, now));
    }

    @Override
    public synchronized Uni<Void> done(Lease<?> lease) {
        remove(lease.id());
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Void> later(Lease<?> lease, Instant notBefore, String lastError) {
        Entry entry = entries.get(lease.id());
        if (entry != null && entry.leased) {
            entry.attempts = lease.attempt();
            entry.dueAt = notBefore;
            entry.leased = false;
            waiting(entry.queue).add(entry);
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Void> deadLetter(Lease<?> lease, String reason, String lastError, Instant now) {
        Entry entry = remove(lease.id());
        if (entry != null) {
            boolean verification = VERIFICATION.equals(entry.queue);
            ReceivedWebhook received = verification ? (ReceivedWebhook) entry.item : null;
            VerifiedEvent event = verification ? null : (VerifiedEvent) entry.item;
            keepDead(new DeadLetter(newId("dl"), verification ? null : entry.queue,
                    verification ? received.eventId() : event.eventId(), verification ? null : event.type(),
                    lease.attempt(), reason, lastError, entry.enqueuedAt, now, received, event));
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<List<DeadLetter>> deadLetters(Optional<String> queue, int limit) {
        return Uni.createFrom().item(dead.values().stream()
                .filter(letter -> queue.isEmpty() || queue.get().equals(letter.queue()))
                .limit(limit).toList());
    }

    @Override
    public synchronized Uni<Optional<DeadLetter>> replay(String deadLetterId, Instant now) {
        DeadLetter letter = dead.remove(deadLetterId);
        if (letter != null) {
            add(letter.queue(), letter.received() != null ? letter.received() : letter.event(), now);
        }
        return Uni.createFrom().item(Optional.ofNullable(letter));
    }

    @Override
    public synchronized Uni<Void> disable(String subscriber, String reason) {
        disabled.add(subscriber);
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Void> enable(String subscriber) {
        disabled.remove(subscriber);
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Set<String>> disabled() {
        return Uni.createFrom().item(Set.copyOf(disabled));
    }

    @Override
    public synchronized Uni<Backlog> backlog(Instant now) {
        Map<String, Integer> deadPerQueue = new HashMap<>();
        dead.values().forEach(letter -> deadPerQueue.merge(letter.queue(), 1, Integer::sum));
        Set<String> names = new LinkedHashSet<>();
        names.add(VERIFICATION);
        names.addAll(new TreeSet<>(subscribers));
        names.addAll(queued.keySet());
        names.addAll(deadPerQueue.keySet());
        Map<String, Backlog.Queue> queues = new TreeMap<>();
        for (String name : names) {
            LinkedHashMap<String, Entry> entriesOfQueue = queue(name);
            Instant oldest = entriesOfQueue.isEmpty() ? null : entriesOfQueue.values().iterator().next().enqueuedAt;
            queues.put(name, new Backlog.Queue(entriesOfQueue.size(), oldest, deadPerQueue.getOrDefault(name, 0),
                    entriesOfQueue.size() >= capacity));
        }
        return Uni.createFrom().item(new Backlog(queues));
    }

    @SuppressWarnings("unchecked")
    private <T> List<Lease<T>> due(String queue, int max, Instant now) {
        List<Lease<T>> leases = new ArrayList<>();
        TreeSet<Entry> due = waiting(queue);
        Iterator<Entry> next = due.iterator();
        while (leases.size() < max && next.hasNext()) {
            Entry entry = next.next();
            if (entry.dueAt.isAfter(now)) {
                break;
            }
            next.remove();
            entry.leased = true;
            leases.add(new Lease<>(queue, entry.id, (T) entry.item, entry.attempts + 1, entry.enqueuedAt));
        }
        return leases;
    }

    private void add(String queue, Object item, Instant at) {
        Entry entry = new Entry(newId(queue), queue, item, at, sequence++);
        entries.put(entry.id, entry);
        queue(queue).put(entry.id, entry);
        waiting(queue).add(entry);
    }

    private Entry remove(String id) {
        Entry entry = entries.remove(id);
        if (entry != null) {
            queue(entry.queue).remove(id);
            waiting(entry.queue).remove(entry);
        }
        return entry;
    }

    private void keepDead(DeadLetter letter) {
        dead.put(letter.id(), letter);
        if (dead.size() > deadLetterCapacity) {
            DeadLetter dropped = dead.remove(dead.keySet().iterator().next());
            LOG.warnf("Dead letters full (%d): dropped the oldest, event %s of queue %s", deadLetterCapacity,
                    dropped.eventId(), dropped.queue());
        }
    }

    private void forgetExpired(Instant now) {
        Iterator<Seen> oldest = seen.values().iterator();
        while (oldest.hasNext() && !oldest.next().until().isAfter(now)) {
            oldest.remove();
        }
    }

    private String newId(String prefix) {
        return prefix + "-" + (sequence++);
    }

    private LinkedHashMap<String, Entry> queue(String name) {
        return queued.computeIfAbsent(name, ignored -> new LinkedHashMap<>());
    }

    private TreeSet<Entry> waiting(String name) {
        return waiting.computeIfAbsent(name, ignored -> new TreeSet<>(BY_DUE));
    }
}
