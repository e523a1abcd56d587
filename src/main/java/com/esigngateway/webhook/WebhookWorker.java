package com.esigngateway.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.esigngateway.config.WebhookConfig;
import com.esigngateway.observability.RequestIds;
import com.esigngateway.observability.WebhookMetrics;
import com.esigngateway.webhook.delivery.Deliveries;
import com.esigngateway.webhook.delivery.Subscriber;
import com.esigngateway.webhook.delivery.Subscribers;
import com.esigngateway.webhook.queue.Backlog;
import com.esigngateway.webhook.queue.Lease;
import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.esigngateway.webhook.queue.VerifiedEvent;
import com.esigngateway.webhook.queue.WebhookQueue;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Drives the two stages with a Vert.x timer ({@code esign.webhooks.poll-interval}) and at once when work arrives or
 * ends on this instance: it leases what is due from the queue, up to the concurrency of each stage, and runs each
 * lease on a context of its own (its log lines carry the event id as their request id). No thread of its own; the
 * timer is created at start-up and cancelled at shutdown.
 */
@Startup
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);

    private final Vertx vertx;
    private final WebhookQueue queue;
    private final Verifications verifications;
    private final Deliveries deliveries;
    private final Subscribers subscribers;
    private final WebhookMetrics metrics;
    private final WebhookConfig config;
    private final Clock clock;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger verifying = new AtomicInteger();
    private final Map<String, AtomicInteger> delivering = new ConcurrentHashMap<>();
    private volatile Backlog snapshot = new Backlog(Map.of());
    private volatile boolean running;
    /** The store failed on the last tick: logged once, until it answers again (a Redis outage must not flood the log). */
    private volatile boolean storeFailing;
    private long timer = -1;

    WebhookWorker(Vertx vertx, WebhookQueue queue, Verifications verifications, Deliveries deliveries,
            Subscribers subscribers, WebhookMetrics metrics, WebhookConfig config, Clock clock) {
        this.vertx = vertx;
        this.queue = queue;
        this.verifications = verifications;
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        metrics.backlog(WebhookQueue.VERIFICATION, waiting(WebhookQueue.VERIFICATION));
        metrics.deadLetters(WebhookQueue.VERIFICATION, dead(WebhookQueue.VERIFICATION));
        for (Subscriber subscriber : subscribers.all()) {
            delivering.put(subscriber.name(), new AtomicInteger());
            metrics.backlog(subscriber.name(), waiting(subscriber.name()));
            metrics.deadLetters(subscriber.name(), dead(subscriber.name()));
        }
        timer = vertx.setPeriodic(Math.max(10, config.pollInterval().toMillis()), id -> tick());
        if (!subscribers.all().isEmpty()) {
            LOG.infof("Status events go to %d subscriber(s): %s", subscribers.all().size(),
                    subscribers.all().stream().map(Subscriber::name).toList());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Looks for due work now rather than at the next tick. */
    public void nudge() {
        if (running) {
            vertx.runOnContext(ignored -> tick());
        }
    }

    /** The backlog as of the last tick (for health and metrics, which must not wait). */
    public Backlog backlog() {
        return snapshot;
    }

    private void tick() {
        if (!running) {
            return;
        }
        if (!ticking.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        Instant now = clock.instant();
        Uni<Void> round = queue.dueForVerification(free(verifying, config.verification().maxConcurrent()), now)
                .invoke(leases -> leases.forEach(this::verify))
                .replaceWithVoid();
        for (Subscriber subscriber : subscribers.all()) {
            AtomicInteger inFlight = delivering.computeIfAbsent(subscriber.name(), ignored -> new AtomicInteger());
            round = round.chain(() -> queue.dueForDelivery(subscriber.name(), free(inFlight, config.delivery().maxConcurrent()), now)
                    .invoke(leases -> leases.forEach(lease -> deliver(subscriber, inFlight, lease)))
                    .replaceWithVoid());
        }
        round.chain(() -> queue.backlog(now)).subscribe().with(backlog -> {
            snapshot = backlog;
            if (storeFailing) {
                storeFailing = false;
                LOG.info("Status events: the queue answers again");
            }
            ticked();
        }, failure -> {
            if (storeFailing) {
                LOG.debugf("Looking for due status events failed again: %s", failure.toString());
            } else {
                storeFailing = true;
                LOG.errorf(failure, "Looking for due status events failed; tried again every %s",
                        config.pollInterval());
            }
            ticked();
        });
    }

    private void ticked() {
        ticking.set(false);
        if (again.getAndSet(false)) {
            nudge();
        }
    }

    private static int free(AtomicInteger inFlight, int max) {
        return Math.max(0, max - inFlight.get());
    }

    private void verify(Lease<ReceivedWebhook> lease) {
        verifying.incrementAndGet();
        run(lease, () -> verifications.attempt(lease), verifying);
    }

    private void deliver(Subscriber subscriber, AtomicInteger inFlight, Lease<VerifiedEvent> lease) {
        inFlight.incrementAndGet();
        run(lease, () -> deliveries.attempt(subscriber, lease), inFlight);
    }

    /** On a new duplicated context, so that the work's log lines and spans are its own. */
    private void run(Lease<?> lease, Supplier<Uni<Void>> work, AtomicInteger inFlight) {
        String eventId = lease.item() instanceof ReceivedWebhook received ? received.eventId()
                : ((VerifiedEvent) lease.item()).eventId();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> {
            MDC.put(RequestIds.MDC_KEY, eventId);
            Uni.createFrom().<Void> deferred(work::get).subscribe().with(done -> finished(inFlight), failure -> {
                if (!running) {
                    LOG.debugf("Status event %s: interrupted by the shutdown", eventId);
                    return;
                }
                LOG.errorf(failure, "Status event %s: unexpected failure; it is tried again in a minute", eventId);
                queue.later(lease, clock.instant().plusSeconds(60), "unexpected failure").subscribe()
                        .with(retried -> finished(inFlight), ignoredFailure -> finished(inFlight));
            });
        });
    }

    private void finished(AtomicInteger inFlight) {
        inFlight.decrementAndGet();
        nudge();
    }

    private Supplier<Number> waiting(String name) {
        return () -> snapshot.queue(name).waiting();
    }

    private Supplier<Number> dead(String name) {
        return () -> snapshot.queue(name).deadLetters();
    }
}
