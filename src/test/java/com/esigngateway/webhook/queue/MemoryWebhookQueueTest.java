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
import com.esigngateway.state.memory.MemoryWebhookQueue;
import com.esigngateway.testing.MutableClock;

import io.quarkus.runtime.configuration.MemorySize;

/** The single-instance store: dedupe, bounds, leases, retries in due order, dead letters and replay, disabling. */
class MemoryWebhookQueueTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final MemoryWebhookQueue queue = new MemoryWebhookQueue(config(2, 2), clock);

    static ReceivedWebhook webhook(String id) {
        return new ReceivedWebhook(id, Instant.parse("2026-12-01T10:00:00Z"), "s-" + id, null, "SessionStatus", 3, null);
    }

    static VerifiedEvent event(String id) {
        return new VerifiedEvent(id, "signing-session.completed", Instant.parse("2026-12-01T10:00:00Z"), "{}");
    }

    @Test
    void aWebhookIsKeptOnceWithinTheDedupeWindowAndTheQueueIsBounded() {
        assertThat(queue.receive(webhook("e1"), "k1").await().indefinitely()).isEqualTo(Receipt.accepted("e1"));
        assertThat(queue.receive(webhook("e1b"), "k1").await().indefinitely()).isEqualTo(Receipt.duplicate("e1"));
        assertThat(queue.receive(webhook("e2"), "k2").await().indefinitely().outcome()).isEqualTo(Receipt.Outcome.ACCEPTED);
        assertThat(queue.receive(webhook("e3"), "k3").await().indefinitely()).isEqualTo(Receipt.full());
        assertThat(queue.backlog(clock.instant()).await().indefinitely().queue(WebhookQueue.VERIFICATION).full()).isTrue();
        clock.advance(Duration.ofHours(25));
        List<Lease<ReceivedWebhook>> leases = queue.dueForVerification(10, clock.instant()).await().indefinitely();
        leases.forEach(lease -> queue.done(lease).await().indefinitely());
        assertThat(queue.receive(webhook("e1c"), "k1").await().indefinitely()).isEqualTo(Receipt.accepted("e1c"));
    }

    @Test
    void leasedWorkIsHandedOutOnceAndRetriesComeWhenDue() {
        queue.receive(webhook("e1"), "k1").await().indefinitely();
        Lease<ReceivedWebhook> lease = queue.dueForVerification(10, clock.instant()).await().indefinitely().get(0);
        assertThat(lease.attempt()).isEqualTo(1);
        assertThat(queue.dueForVerification(10, clock.instant()).await().indefinitely()).isEmpty();
        queue.later(lease, clock.instant().plusSeconds(5), "down").await().indefinitely();
        assertThat(queue.dueForVerification(10, clock.instant().plusSeconds(4)).await().indefinitely()).isEmpty();
        Lease<ReceivedWebhook> again = queue.dueForVerification(10, clock.instant().plusSeconds(5)).await().indefinitely().get(0);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.item().eventId()).isEqualTo("e1");

        queue.verified(again, event("e1"), Set.of("crm", "archive")).await().indefinitely();
        assertThat(queue.dueForVerification(10, clock.instant().plusSeconds(5)).await().indefinitely()).isEmpty();
        assertThat(queue.dueForDelivery("crm", 10, clock.instant()).await().indefinitely()).extracting(l -> l.item().eventId())
                .containsExactly("e1");
        assertThat(queue.dueForDelivery("archive", 10, clock.instant()).await().indefinitely()).hasSize(1);
        assertThat(queue.dueForDelivery("other", 10, clock.instant()).await().indefinitely()).isEmpty();
    }

    @Test
    void aDeadLetterIsKeptAndReplayedWithItsAttemptsCountedAnew() {
        queue.receive(webhook("e1"), "k1").await().indefinitely();
        queue.verified(queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0), event("e1"), Set.of("crm"))
                .await().indefinitely();
        Lease<VerifiedEvent> lease = queue.dueForDelivery("crm", 1, clock.instant()).await().indefinitely().get(0);
        queue.later(lease, clock.instant(), "HTTP 500").await().indefinitely();
        lease = queue.dueForDelivery("crm", 1, clock.instant()).await().indefinitely().get(0);
        queue.deadLetter(lease, "attempts", "HTTP 500", clock.instant()).await().indefinitely();

        List<DeadLetter> letters = queue.deadLetters(Optional.of("crm"), 10).await().indefinitely();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).attempts()).isEqualTo(2);
        assertThat(letters.get(0).eventType()).isEqualTo("signing-session.completed");
        assertThat(queue.deadLetters(Optional.of(WebhookQueue.VERIFICATION), 10).await().indefinitely()).isEmpty();
        assertThat(queue.backlog(clock.instant()).await().indefinitely().queue("crm").deadLetters()).isEqualTo(1);

        assertThat(queue.replay(letters.get(0).id(), clock.instant()).await().indefinitely()).isPresent();
        assertThat(queue.replay(letters.get(0).id(), clock.instant()).await().indefinitely()).isEmpty();
        Lease<VerifiedEvent> replayed = queue.dueForDelivery("crm", 1, clock.instant()).await().indefinitely().get(0);
        assertThat(replayed.attempt()).isEqualTo(1);
        assertThat(replayed.item().eventId()).isEqualTo("e1");
    }

    @Test
    void deadLettersAreBoundedOldestFirstAndADisabledSubscriberGetsNothing() {
        for (String id : List.of("e1", "e2", "e3")) {
            queue.receive(webhook(id), "k-" + id).await().indefinitely();
            Lease<ReceivedWebhook> lease = queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0);
            queue.deadLetter(lease, "unverified", "down", clock.instant()).await().indefinitely();
        }
        assertThat(queue.deadLetters(Optional.empty(), 10).await().indefinitely()).extracting(DeadLetter::eventId)
                .containsExactly("e2", "e3");

        queue.receive(webhook("e4"), "k4").await().indefinitely();
        queue.verified(queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0), event("e4"), Set.of("crm"))
                .await().indefinitely();
        queue.disable("crm", "410 Gone").await().indefinitely();
        assertThat(queue.dueForDelivery("crm", 10, clock.instant()).await().indefinitely()).isEmpty();
        assertThat(queue.disabled().await().indefinitely()).containsExactly("crm");
        queue.enable("crm").await().indefinitely();
        assertThat(queue.dueForDelivery("crm", 10, clock.instant()).await().indefinitely()).hasSize(1);
    }

    @Test
    void aFullSubscriberQueueSendsTheEventToTheDeadLettersRatherThanRefusingTheVendor() {
        for (String id : List.of("e1", "e2", "e3")) {
            queue.receive(webhook(id), "k-" + id).await().indefinitely();
            queue.verified(queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0), event(id), Set.of("crm"))
                    .await().indefinitely();
        }
        assertThat(queue.backlog(clock.instant()).await().indefinitely().queue("crm").waiting()).isEqualTo(2);
        assertThat(queue.deadLetters(Optional.of("crm"), 10).await().indefinitely()).extracting(DeadLetter::reason)
                .containsExactly("queue-full");
    }

    static WebhookConfig config(int capacity, int deadLetters) {
        return config(capacity, deadLetters, Duration.ofMinutes(2), Set.of());
    }

    static WebhookConfig config(int capacity, int deadLetters, Duration claimAfter, Set<String> subscribers) {
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
