package com.esigngateway.webhook.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.mutiny.Uni;

/**
 * Where status events wait, in two stages: received webhooks until they are verified (queue {@value #VERIFICATION}),
 * then clean events until each subscriber took them (one queue per subscriber). Work is handed out as
 * {@link Lease}s of what is due; the worker reports each back as done, due again later, or dead. Callers never see
 * how it is kept: {@code state.memory.MemoryWebhookQueue} holds it in this process; {@code state.redis.RedisWebhookQueue}
 * keeps the same contract with Redis streams and consumer groups, so that any replica can do the work and a crashed
 * replica's leases are taken over ({@code state.StateStores} chooses by {@code esign.state.store}).
 * <p>
 * Delivery is at least once: a lease that is never reported back (a crash) is handed out again, so an event can
 * reach a subscriber twice with the same event id.
 */
public interface WebhookQueue {

    /** The name of the verification queue in {@link Backlog} and {@link DeadLetter#queue()}. */
    String VERIFICATION = "verification";

    /**
     * Keeps a received webhook for verification, once: a webhook with a {@code dedupeKey} seen within the dedupe
     * window is a {@link Receipt.Outcome#DUPLICATE} (with the first one's event id), a full queue refuses it. The
     * answer comes only once the webhook is kept as durably as this store keeps anything.
     */
    Uni<Receipt> receive(ReceivedWebhook webhook, String dedupeKey);

    /** Up to {@code max} received webhooks due for verification at {@code now}, leased to the caller. */
    Uni<List<Lease<ReceivedWebhook>>> dueForVerification(int max, Instant now);

    /**
     * The webhook is verified: {@code event} is queued for each of {@code recipients} (the subscribers whose event
     * types it matches; none is fine) and the lease is done.
     */
    Uni<Void> verified(Lease<ReceivedWebhook> lease, VerifiedEvent event, Set<String> recipients);

    /** Up to {@code max} events due for delivery to {@code subscriber} at {@code now}, leased to the caller. */
    Uni<List<Lease<VerifiedEvent>>> dueForDelivery(String subscriber, int max, Instant now);

    /** The lease's work is over (delivered, or nothing to deliver). */
    Uni<Void> done(Lease<?> lease);

    /** The attempt failed; the work is due again at {@code notBefore}, with the next attempt number. */
    Uni<Void> later(Lease<?> lease, Instant notBefore, String lastError);

    /** No further attempt: the work becomes a dead letter, kept for the admin API. */
    Uni<Void> deadLetter(Lease<?> lease, String reason, String lastError, Instant now);

    /** Dead letters, oldest first, of one queue or of all. */
    Uni<List<DeadLetter>> deadLetters(Optional<String> queue, int limit);

    /** Puts a dead letter back into its queue, due at once with its attempts counted anew; empty when unknown. */
    Uni<Optional<DeadLetter>> replay(String deadLetterId, Instant now);

    /** A subscriber that answered {@code 410 Gone}: its events stay queued but are not handed out. */
    Uni<Void> disable(String subscriber, String reason);

    /** Hands a disabled subscriber's events out again. */
    Uni<Void> enable(String subscriber);

    /** The disabled subscribers. */
    Uni<Set<String>> disabled();

    /** What is waiting in each queue, for health and metrics. */
    Uni<Backlog> backlog(Instant now);
}
