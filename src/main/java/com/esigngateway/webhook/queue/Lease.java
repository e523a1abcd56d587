package com.esigngateway.webhook.queue;

import java.time.Instant;

/**
 * One piece of due work, handed to one worker until it reports back: {@code attempt} is the number of the attempt
 * about to be made (1 for the first), {@code enqueuedAt} when the work was first queued. {@code id} names the entry in
 * the store (a stream entry id with Redis), {@code queue} the queue it came from ({@value WebhookQueue#VERIFICATION} or
 * the subscriber's name).
 */
public record Lease<T>(String queue, String id, T item, int attempt, Instant enqueuedAt) {
}
