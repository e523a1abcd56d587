package com.esigngateway.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.esigngateway.config.WebhookConfig;
import com.esigngateway.testing.MutableClock;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * What every {@link WebhookQueue} does, whichever store keeps the events: dedupe, bounds, leases, retries in due order,
 * dead letters and replay, disabling. A subclass sets {@link #queue} and {@link #otherReplica} before each test, on a
 * store made with {@link #config(int, int, Duration, Set)} of capacity 2 and 2 dead letters, and adds the cases only its
 * store has. {@link #otherReplica} is a second instance sharing the store; a store of one instance (memory) sets it
 * to {@link #queue} itself, so that "another replica" reads as "the same instance".
 */
public abstract class WebhookQueueContract {

    protected static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** The queues' clock; a test moves it to make retries due. */
    protected final MutableClock clock = new MutableClock(START);

    protected WebhookQueue queue;
    protected WebhookQueue otherReplica;

    /**
     * The store's own part of {@link #aWebhookIsKeptOnceWithinTheDedupeWindowAndTheQueueIsBounded}: the queue holds
     * webhooks e1 (dedupe key {@code k1}) and e2, and is full. Checks how the store keeps them and that the dedupe
     * memory of {@code k1} ends with the window (24 h).
     */
    protected abstract void theFirstWebhookIsKeptAsTheStoreKeepsItAndForgottenAfterTheWindow();

    protected static ReceivedWebhook webhook(String id) {
        return new ReceivedWebhook(id, START, "s-" + id, null, "SessionStatus", 3, null);
    }

    protected static VerifiedEvent event(String id) {
        return new VerifiedEvent(id, "signing-session.completed", START, "{}");
    }

    @Test
    protected void aWebhookIsKeptOnceWithinTheDedupeWindowAndTheQueueIsBounded() {
        assertThat(queue.receive(webhook("e1"), "k1").await().indefinitely()).isEqualTo(Receipt.accepted("e1"));
        assertThat(otherReplica.receive(webhook("e1b"), "k1").await().indefinitely()).isEqualTo(Receipt.duplicate("e1"));
        assertThat(queue.receive(webhook("e2"), "k2").await().indefinitely().outcome()).isEqualTo(Receipt.Outcome.ACCEPTED);
        assertThat(otherReplica.receive(webhook("e3"), "k3").await().indefinitely()).isEqualTo(Receipt.full());
        Backlog backlog = queue.backlog(clock.instant()).await().indefinitely();
        assertThat(backlog.queue(WebhookQueue.VERIFICATION).full()).isTrue();
        assertThat(backlog.queue(WebhookQueue.VERIFICATION).oldest()).isEqualTo(webhook("e1").receivedAt());

        theFirstWebhookIsKeptAsTheStoreKeepsItAndForgottenAfterTheWindow();
    }

    @Test
    protected void leasedWorkIsHandedOutOnceAndRetriesComeWhenDue() {
        queue.receive(webhook("e1"), "k1").await().indefinitely();
        Lease<ReceivedWebhook> lease = queue.dueForVerification(10, clock.instant()).await().indefinitely().get(0);
        assertThat(lease.attempt()).isEqualTo(1);
        assertThat(lease.item()).isEqualTo(webhook("e1"));
        assertThat(otherReplica.dueForVerification(10, clock.instant()).await().indefinitely()).isEmpty();
        queue.later(lease, clock.instant().plusSeconds(5), "down").await().indefinitely();
        assertThat(queue.backlog(clock.instant()).await().indefinitely().queue(WebhookQueue.VERIFICATION).waiting())
                .isEqualTo(1);
        assertThat(queue.dueForVerification(10, clock.instant().plusSeconds(4)).await().indefinitely()).isEmpty();
        Lease<ReceivedWebhook> again = otherReplica.dueForVerification(10, clock.instant().plusSeconds(5)).await()
                .indefinitely().get(0);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.item().eventId()).isEqualTo("e1");

        otherReplica.verified(again, event("e1"), Set.of("crm", "archive")).await().indefinitely();
        assertThat(queue.dueForVerification(10, clock.instant().plusSeconds(5)).await().indefinitely()).isEmpty();
        List<Lease<VerifiedEvent>> crm = queue.dueForDelivery("crm", 10, clock.instant()).await().indefinitely();
        assertThat(crm).extracting(l -> l.item()).containsExactly(event("e1"));
        assertThat(crm.get(0).queue()).isEqualTo("crm");
        assertThat(queue.dueForDelivery("archive", 10, clock.instant()).await().indefinitely()).hasSize(1);
        assertThat(queue.dueForDelivery("other", 10, clock.instant()).await().indefinitely()).isEmpty();

        queue.done(crm.get(0)).await().indefinitely();
        Backlog backlog = queue.backlog(clock.instant()).await().indefinitely();
        assertThat(backlog.queue("crm").waiting()).isZero();
        assertThat(backlog.queue("archive").waiting()).isEqualTo(1);
        assertThat(backlog.queue(WebhookQueue.VERIFICATION).waiting()).isZero();
    }

    @Test
    protected void aDeadLetterIsKeptAndReplayedWithItsAttemptsCountedAnew() {
        queue.receive(webhook("e1"), "k1").await().indefinitely();
        queue.verified(queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0), event("e1"), Set.of("crm"))
                .await().indefinitely();
        Lease<VerifiedEvent> lease = queue.dueForDelivery("crm", 1, clock.instant()).await().indefinitely().get(0);
        queue.later(lease, clock.instant(), "HTTP 500").await().indefinitely();
        lease = queue.dueForDelivery("crm", 1, clock.instant()).await().indefinitely().get(0);
        queue.deadLetter(lease, "attempts", "HTTP 500", clock.instant()).await().indefinitely();

        List<DeadLetter> letters = otherReplica.deadLetters(Optional.of("crm"), 10).await().indefinitely();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).attempts()).isEqualTo(2);
        assertThat(letters.get(0).eventType()).isEqualTo("signing-session.completed");
        assertThat(letters.get(0).event()).isEqualTo(event("e1"));
        assertThat(letters.get(0).lastError()).isEqualTo("HTTP 500");
        assertThat(otherReplica.deadLetters(Optional.empty(), 10).await().indefinitely()).hasSize(1);
        assertThat(queue.deadLetters(Optional.of(WebhookQueue.VERIFICATION), 10).await().indefinitely()).isEmpty();
        assertThat(queue.backlog(clock.instant()).await().indefinitely().queue("crm").deadLetters()).isEqualTo(1);

        assertThat(otherReplica.replay(letters.get(0).id(), clock.instant()).await().indefinitely()).isPresent();
        assertThat(queue.replay(letters.get(0).id(), clock.instant()).await().indefinitely()).isEmpty();
        assertThat(queue.replay("no-such-letter", clock.instant()).await().indefinitely()).isEmpty();
        Lease<VerifiedEvent> replayed = queue.dueForDelivery("crm", 1, clock.instant()).await().indefinitely().get(0);
        assertThat(replayed.attempt()).isEqualTo(1);
        assertThat(replayed.item().eventId()).isEqualTo("e1");
    }

    @Test
    protected void deadLettersAreBoundedOldestFirstAndADisabledSubscriberGetsNothing() {
        for (String id : List.of("e1", "e2", "e3")) {
            queue.receive(webhook(id), "k-" + id).await().indefinitely();
            Lease<ReceivedWebhook> lease = queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0);
            queue.deadLetter(lease, "unverified", "down", clock.instant()).await().indefinitely();
            clock.advance(Duration.ofSeconds(1));
        }
        List<DeadLetter> letters = queue.deadLetters(Optional.empty(), 10).await().indefinitely();
        assertThat(letters).extracting(DeadLetter::eventId).containsExactly("e2", "e3");
        assertThat(letters.get(0).received()).isEqualTo(webhook("e2"));
        assertThat(letters.get(0).queue()).isEqualTo(WebhookQueue.VERIFICATION);

        queue.receive(webhook("e4"), "k4").await().indefinitely();
        queue.verified(queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0), event("e4"), Set.of("crm"))
                .await().indefinitely();
        queue.disable("crm", "410 Gone").await().indefinitely();
        assertThat(otherReplica.dueForDelivery("crm", 10, clock.instant()).await().indefinitely()).isEmpty();
        assertThat(otherReplica.disabled().await().indefinitely()).containsExactly("crm");
        otherReplica.enable("crm").await().indefinitely();
        assertThat(queue.dueForDelivery("crm", 10, clock.instant()).await().indefinitely()).hasSize(1);
    }

    @Test
    protected void aFullSubscriberQueueSendsTheEventToTheDeadLettersRatherThanRefusingTheVendor() {
        for (String id : List.of("e1", "e2", "e3")) {
            queue.receive(webhook(id), "k-" + id).await().indefinitely();
            queue.verified(queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0), event(id), Set.of("crm"))
                    .await().indefinitely();
        }
        assertThat(queue.backlog(clock.instant()).await().indefinitely().queue("crm").waiting()).isEqualTo(2);
        assertThat(queue.deadLetters(Optional.of("crm"), 10).await().indefinitely()).extracting(DeadLetter::reason)
                .containsExactly("queue-full");
    }

    /** The webhook settings a queue is made with: {@code capacity} per queue, {@code deadLetters} in all. */
    protected static WebhookConfig config(int capacity, int deadLetters, Duration claimAfter, Set<String> subscribers) {
        return new WebhookConfig() {
            public Inbound inbound() {
                return new Inbound() {
                    public Optional<List<String>> secrets() {
                        return Optional.empty();
                    }

                    public MemorySize maxBodySize() {
                        return new MemorySize(java.math.BigInteger.valueOf(16384));
                    }

                    public Duration dedupeWindow() {
                        return Duration.ofHours(24);
                    }
                };
            }

            public Verification verification() {
                return null;
            }

            public Delivery delivery() {
                return null;
            }

            public Queue queue() {
                return new Queue() {
                    public int capacity() {
                        return capacity;
                    }

                    public int deadLetterCapacity() {
                        return deadLetters;
                    }

                    public Duration claimAfter() {
                        return claimAfter;
                    }
                };
            }

            public Map<String, Subscriber> subscribers() {
                Map<String, Subscriber> named = new java.util.TreeMap<>();
                subscribers.forEach(name -> named.put(name, null));
                return named;
            }

            public Optional<String> adminKey() {
                return Optional.empty();
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
