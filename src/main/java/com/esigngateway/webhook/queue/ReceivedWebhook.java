package com.esigngateway.webhook.queue;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A vendor webhook as received, reduced to what verification needs: a hint that something changed, never trusted
 * as it is. {@code kind} is the webhook's {@code Type} ({@code SessionStatus}, {@code SignerStatus}, or what else
 * the vendor sends), {@code signerId} and {@code newSessionId} are null when the webhook had none.
 */
@RegisterForReflection // kept as JSON in Redis (esign.state.store=redis)
public record ReceivedWebhook(String eventId, Instant receivedAt, String sessionId, String signerId, String kind,
        int statusCode, String newSessionId) {

    public static final String SESSION_STATUS = "SessionStatus";
    public static final String SIGNER_STATUS = "SignerStatus";

    public boolean aboutSigner() {
        return SIGNER_STATUS.equalsIgnoreCase(kind);
    }
}
