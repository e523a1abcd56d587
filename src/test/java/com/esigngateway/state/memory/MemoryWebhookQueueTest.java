package com.esigngateway.state.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;

import com.esigngateway.state.memory.MemoryWebhookQueue;
import com.esigngateway.webhook.queue.Lease;
import com.esigngateway.webhook.queue.Receipt;
import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.esigngateway.webhook.queue.WebhookQueueContract;

/**
 * The single-instance store: the {@link WebhookQueueContract} (dedupe, bounds, leases, retries in due order, dead
 * letters and replay, disabling) on one instance, which is also its own "other replica".
 */
class MemoryWebhookQueueTest extends WebhookQueueContract {

    @BeforeEach
    void memoryQueue() {
        queue = new MemoryWebhookQueue(config(2, 2, Duration.ofMinutes(2), Set.of("crm", "archive")), clock);
        otherReplica = queue;
    }

    /** The dedupe memory is the queue's own, on its clock: once the window has passed, the key is new again. */
    @Override
    protected void theFirstWebhookIsKeptAsTheStoreKeepsItAndForgottenAfterTheWindow() {
        clock.advance(Duration.ofHours(25));
        List<Lease<ReceivedWebhook>> leases = queue.dueForVerification(10, clock.instant())
                .await().indefinitely();
        assertThat(leases).extracting(lease -> lease.item().eventId()).containsExactly("e1", "e2");
        leases.forEach(lease -> queue.done(lease).await().indefinitely());
        assertThat(queue.receive(webhook("e1c"), "k1").await().indefinitely()).isEqualTo(Receipt.accepted("e1c"));
    }
}
