package com.esigngateway.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.simulator.SimulatorProfile;
import com.esigngateway.state.redis.RedisState;
import com.esigngateway.state.redis.RedisWebhookQueue;
import com.esigngateway.testing.RedisResource;
import com.esigngateway.webhook.queue.Lease;
import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.esigngateway.webhook.queue.VerifiedEvent;
import com.esigngateway.webhook.queue.WebhookQueue;
import com.esigngateway.webhook.queue.WebhookQueueContract;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The shared store on a real Redis: the {@link WebhookQueueContract} of every store (dedupe, bounds, leases, retries
 * when due, dead letters and replay, disabling), here across two replicas, and what only it can do — a second replica (another consumer in the same
 * groups) takes over the work the first one leased and never reported, and only that.
 */
@QuarkusTest
@TestProfile(SimulatorProfile.class)
// the application's own worker must not lease what the test does
@WithTestResource(value = RedisResource.class, initArgs = @ResourceArg(name = "esign.webhooks.poll-interval", value = "1h"))
class RedisWebhookQueueTest extends WebhookQueueContract {

    /**
     * After this long without a report a lease is another replica's to take. The contract's cases report within it;
     * it leaves room for a slow first call on a loaded machine (at 600 ms a contract case run first, still cold, once
     * saw its lease taken over between two steps).
     */
    static final Duration CLAIM_AFTER = Duration.ofSeconds(2);

    @Inject
    RedisState redis;

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookQueue configured;

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

    /**
     * Kept encrypted (the session id is nowhere in the clear), and the dedupe memory expires with the window, kept by
     * Redis (on its own clock: the queue's clock cannot move it).
     */
    @Override
    protected void theFirstWebhookIsKeptAsTheStoreKeepsItAndForgottenAfterTheWindow() {
        String kept = redis.execute("XRANGE", redis.key("webhooks:received"), "-", "+").await().indefinitely().toString();
        assertThat(kept).contains("enqueuedAt").doesNotContain("s-e1");
        long ttl = redis.execute("PTTL", redis.key("webhooks:seen:k1")).await().indefinitely().toLong();
        assertThat(ttl).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());
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
