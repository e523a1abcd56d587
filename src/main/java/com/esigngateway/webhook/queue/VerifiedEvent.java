package com.esigngateway.webhook.queue;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A clean event, ready to deliver: its id ({@code webhook-id}), its type, when its webhook was received, and its body
 * exactly as it is signed and sent on every attempt to every subscriber.
 */
@RegisterForReflection // kept as JSON in Redis (esign.state.store=redis)
public record VerifiedEvent(String eventId, String type, Instant receivedAt, String body) {
}
