package com.esigngateway.webhook.queue;

import java.time.Instant;

/**
 * Work given up on: a webhook that could not be verified in time ({@code subscriber} null, {@code received} set), or an
 * event a subscriber did not take ({@code event} set). Replaying puts it back where it failed, its attempts counted
 * anew.
 */
public record DeadLetter(String id, String subscriber, String eventId, String eventType, int attempts, String reason,
        String lastError, Instant enqueuedAt, Instant deadAt, ReceivedWebhook received, VerifiedEvent event) {

    /** The queue it came from: {@value WebhookQueue#VERIFICATION} or the subscriber's name. */
    public String queue() {
        return subscriber == null ? WebhookQueue.VERIFICATION : subscriber;
    }
}
