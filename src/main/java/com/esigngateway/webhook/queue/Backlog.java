package com.esigngateway.webhook.queue;

import java.time.Instant;
import java.util.Map;

/**
 * What is waiting, per queue ({@value WebhookQueue#VERIFICATION} and one per subscriber): entries, the oldest one's
 * enqueue time (null when empty), dead letters, and whether the queue is full.
 */
public record Backlog(Map<String, Queue> queues) {

    public record Queue(int waiting, Instant oldest, int deadLetters, boolean full) {
    }

    public Queue queue(String name) {
        return queues.getOrDefault(name, new Queue(0, null, 0, false));
    }
}
