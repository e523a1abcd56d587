package com.esigngateway.webhook.queue;

import static com.esigngateway.webhook.queue.MemoryWebhookQueueTest.config;
import static com.esigngateway.webhook.queue.MemoryWebhookQueueTest.event;
import static com.esigngateway.webhook.queue.MemoryWebhookQueueTest.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.simulator.SimulatorProfile;
import com.esigngateway.state.redis.RedisState;
import com.esigngateway.state.redis.RedisWebhookQueue;
import com.esigngateway.testing.MutableClock;
import com.esigngateway.testing.RedisResource;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The shared store on a real Redis: the same contract as the memory store (dedupe, bounds, leases, retries when due,
 * dead letters and replay, disabling), and what only it can do — a second replica (another consumer in the same
 * groups) takes over the work the first one leased and never reported, and only that.
 */
@QuarkusTest
@TestProfile(RedisWebhookQueueTest.OnRedis.class)
class RedisWebhookQueueTest {

    public static class OnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the application's own worker must not lease what the test does
            Map<String, String> settings = new java.util.HashMap<>(new SimulatorProfile().getConfigOverrides());
            settings.put("esign.webhooks.poll-interval", "1h");
            return settings;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisResource.class));
        }
    }

    static final Duration CLAIM_AFTER = Duration.ofMillis(600);

    @Inject
    RedisState redis;

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookQueue configured;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    RedisWebhookQueue queue;
    RedisWebhookQueue otherReplica;

    @BeforeEach
    void emptyRedis() {
        redis.execute("FLUSHALL").await().indefinitely();
        queue = replica("a");
        otherReplica = replica("b");
    }

    RedisWebhookQueue replica(String consumer) {
        return new RedisWebhookQueue(redis, mapper, config(2, 2, CLAIM_AFTER, Set.of("crm", "archive")), clock, consumer);
    }

    @Test
    void theSwitchSelectsTheRedisStore() {
        configured.receive(webhook("e9"), "k9").await().indefinitely();
        assertThat(redis.execute("XLEN", redis.key("webhooks:received")).await().indefinitely().toLong()).isEqualTo(1);
    }

    @Test
    void aWebhookIsKeptOnceAcrossReplicasAndTheQueueIsBounded() throws Exception {
        assertThat(queue.receive(webhook("e1"), "k1").await().indefinitely()).isEqualTo(Receipt.accepted("e1"));
        assertThat(otherReplica.receive(webhook("e1b"), "k1").await().indefinitely()).isEqualTo(Receipt.duplicate("e1"));
        assertThat(queue.receive(webhook("e2"), "k2").await().indefinitely().outcome()).isEqualTo(Receipt.Outcome.ACCEPTED);
        assertThat(otherReplica.receive(webhook("e3"), "k3").await().indefinitely()).isEqualTo(Receipt.full());
        Backlog backlog = queue.backlog(clock.instant()).await().indefinitely();
        assertThat(backlog.queue(WebhookQueue.VERIFICATION).full()).isTrue();
        assertThat(backlog.queue(WebhookQueue.VERIFICATION).oldest()).isEqualTo(webhook("e1").receivedAt());
        // kept encrypted: the session id is nowhere in the clear
        String kept = redis.execute("XRANGE", redis.key("webhooks:received"), "-", "+").await().indefinitely().toString();
        assertThat(kept).contains("enqueuedAt").doesNotContain("s-e1");
        // the dedupe memory expires with the window, kept by Redis
        long ttl = redis.execute("PTTL", redis.key("webhooks:seen:k1")).await().indefinitely().toLong();
        assertThat(ttl).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());
    }

    @Test
    void leasedWorkIsHandedOutOnceAndRetriesComeWhenDue() {
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
    void aDeadLetterIsKeptAndReplayedWithItsAttemptsCountedAnew() {
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
    void deadLettersAreBoundedOldestFirstAndADisabledSubscriberGetsNothing() {
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

    @Test
    void workAReplicaLeasedAndNeverReportedIsTakenOverByAnotherOnce() {
        queue.receive(webhook("e1"), "k1").await().indefinitely();
        queue.verified(queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0), event("e1"), Set.of("crm"))
                .await().indefinitely();
        Lease<VerifiedEvent> crashed = queue.dueForDelivery("crm", 1, clock.instant()).await().indefinitely().get(0);
        assertThat(otherReplica.dueForDelivery("crm", 10, clock.instant()).await().indefinitely()).isEmpty();

        // replica a "crashed": after claim-after, b is handed the same event, once
        List<Lease<VerifiedEvent>> takenOver = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> otherReplica.dueForDelivery("crm", 10, clock.instant()).await().indefinitely(), l -> !l.isEmpty());
        assertThat(takenOver).extracting(l -> l.item().eventId()).containsExactly("e1");
        assertThat(takenOver.get(0).attempt()).isEqualTo(1);
        // the late report of the crashed replica does not undo the takeover
        queue.later(crashed, clock.instant(), "late").await().indefinitely();
        assertThat(queue.backlog(clock.instant()).await().indefinitely().queue("crm").waiting()).isEqualTo(1);
        otherReplica.done(takenOver.get(0)).await().indefinitely();
        assertThat(queue.backlog(clock.instant()).await().indefinitely().queue("crm").waiting()).isZero();
        assertThat(queue.dueForDelivery("crm", 10, clock.instant().plusSeconds(60)).await().indefinitely()).isEmpty();
    }

    @Test
    void workWaitingForItsRetryIsNotMistakenForACrash() {
        queue.receive(webhook("e1"), "k1").await().indefinitely();
        Lease<ReceivedWebhook> lease = queue.dueForVerification(1, clock.instant()).await().indefinitely().get(0);
        queue.later(lease, clock.instant().plus(Duration.ofHours(1)), "down").await().indefinitely();
        await().during(CLAIM_AFTER.multipliedBy(2)).atMost(CLAIM_AFTER.multipliedBy(4))
                .until(() -> otherReplica.dueForVerification(10, clock.instant()).await().indefinitely().isEmpty());
        assertThat(otherReplica.dueForVerification(10, clock.instant().plus(Duration.ofHours(1))).await().indefinitely())
                .extracting(Lease::attempt).containsExactly(2);
    }
}
