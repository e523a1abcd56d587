package com.esigngateway.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.esigngateway.config.WebhookConfig;
import com.esigngateway.observability.WebhookMetrics;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.webhook.delivery.Backoff;
import com.esigngateway.webhook.delivery.Subscribers;
import com.esigngateway.session.SessionAccess;
import com.esigngateway.webhook.event.EventVerifier;
import com.esigngateway.webhook.queue.Lease;
import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.esigngateway.webhook.queue.VerifiedEvent;
import com.esigngateway.webhook.queue.WebhookQueue;

import io.smallrye.mutiny.Uni;

/**
 * One verification attempt for a received webhook, and what follows from it: the clean event queued for the
 * subscribers that take its type; nothing for a webhook about a session (or signer) the vendor does not have; for a
 * vendor that cannot be asked (an outage, an open breaker, the rate limit, the deadline), the webhook waits and is
 * tried again with backoff, and after {@code esign.webhooks.verification.max-age} it is a dead letter. It is never
 * delivered unverified.
 */
@ApplicationScoped
public class Verifications {

    private static final Logger LOG = Logger.getLogger(Verifications.class);

    private final EventVerifier verifier;
    private final WebhookQueue queue;
    private final Subscribers subscribers;
    private final WebhookMetrics metrics;
    private final Backoff backoff;
    private final Duration maxAge;
    private final Clock clock;

    private final SessionAccess access;

    Verifications(EventVerifier verifier, WebhookQueue queue, Subscribers subscribers, WebhookMetrics metrics,
            WebhookConfig config, Clock clock, SessionAccess access) {
        this.access = access;
        this.verifier = verifier;
        this.queue = queue;
        this.subscribers = subscribers;
        this.metrics = metrics;
        this.backoff = new Backoff(config.verification().initialDelay(), config.verification().maxDelay(), 0.2);
        this.maxAge = config.verification().maxAge();
        this.clock = clock;
    }

    public Uni<Void> attempt(Lease<ReceivedWebhook> lease) {
        ReceivedWebhook webhook = lease.item();
        return verifier.verify(webhook)
                .chain(verification -> {
                    if (verification.event().isEmpty()) {
                        metrics.rejected(verification.refusal());
                        LOG.warnf("Event %s dropped: the vendor has no %s %s (a forged or stale webhook?)", webhook.eventId(),
                                EventVerifier.UNKNOWN_SESSION.equals(verification.refusal()) ? "session" : "signer",
                                EventVerifier.UNKNOWN_SESSION.equals(verification.refusal()) ? webhook.sessionId()
                                        : webhook.signerId() + " in session " + webhook.sessionId());
                        return queue.done(lease);
                    }
                    VerifiedEvent event = verification.event().get();
                    metrics.verified(verification.agrees());
                    // subscribers tied to a client get only the events of sessions whose owner it acts for
                    return access.ownerOf(webhook.sessionId(), verification.owner()).chain(owner -> {
                        Set<String> recipients = subscribers.taking(event.type(), owner);
                        LOG.infof("Event %s verified: %s for session %s%s, to %s", event.eventId(), event.type(),
                                webhook.sessionId(), verification.agrees() ? "" : " (the webhook said otherwise)",
                                recipients.isEmpty() ? "no subscriber" : recipients);
                        return queue.verified(lease, event, recipients);
                    });
                })
                .onFailure().recoverWithUni(failure -> failed(lease, failure));
    }

    private Uni<Void> failed(Lease<ReceivedWebhook> lease, Throwable failure) {
        Instant now = clock.instant();
        String why = failure instanceof VendorException vendor ? vendor.kind() + ": " + vendor.getMessage()
                : failure.getClass().getSimpleName();
        if (!lease.enqueuedAt().plus(maxAge).isAfter(now)) {
            metrics.deadLettered(WebhookQueue.VERIFICATION, "unverified");
            LOG.warnf("Event %s could not be verified for %s: a dead letter (%s)", lease.item().eventId(), maxAge, why);
            return queue.deadLetter(lease, "unverified", why, now);
        }
        Duration wait = backoff.delay(lease.attempt(), ThreadLocalRandom.current()::nextDouble);
        if (failure instanceof VendorException vendor && vendor.retryAfter().isPresent()
                && vendor.retryAfter().get().compareTo(wait) > 0) {
            wait = vendor.retryAfter().get();
        }
        metrics.retried(WebhookQueue.VERIFICATION);
        LOG.infof("Event %s not verified yet (attempt %d, %s); next try in %d ms", lease.item().eventId(), lease.attempt(),
                why, wait.toMillis());
        return queue.later(lease, now.plus(wait), why);
    }
}
