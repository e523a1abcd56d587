package com.esigngateway.webhook.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.WebhookConfig;
import com.esigngateway.webhook.queue.VerifiedEvent;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * One delivery attempt: the event POSTed to the subscriber with the Standard Webhooks headers, over Vert.x's HTTP
 * client (as the vendor calls are): redirects are not followed (a 3xx is a failure), the whole attempt has a time
 * limit after which the request is reset, and at most 64 KiB of the answer is read (the rest resets the connection:
 * only the status matters). Nothing is logged here.
 */
@ApplicationScoped
public class EventSender {

    static final long MAX_ANSWER = 64 * 1024;

    /** How an attempt ended: a status (0 when there was none), a {@code Retry-After} header, or a failure. */
    public record Attempt(int status, String retryAfter, String error, boolean timedOut) {

        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        public boolean gone() {
            return status == 410;
        }

        /** What went wrong, in a few words fit for a dead letter and a log line. */
        public String describe() {
            return error != null ? error : "HTTP " + status;
        }
    }

    private final Vertx vertx;
    private final Duration timeout;
    private final Clock clock;
    private volatile HttpClient client;

    EventSender(Vertx vertx, WebhookConfig config, Clock clock) {
        this.vertx = vertx;
        this.timeout = config.delivery().timeout();
        this.clock = clock;
    }

    public Uni<Attempt> send(Subscriber subscriber, VerifiedEvent event) {
        return Uni.createFrom().deferred(() -> {
            URI url = subscriber.url();
            boolean ssl = "https".equalsIgnoreCase(url.getScheme());
            long timestamp = clock.instant().getEpochSecond();
            String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
                    .setPort(url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80).setSsl(ssl).setURI(path)
                    .setFollowRedirects(false)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("User-Agent", "esign-gateway")
                    .putHeader("webhook-id", event.eventId())
                    .putHeader("webhook-timestamp", String.valueOf(timestamp))
                    .putHeader("webhook-signature", subscriber.signature().sign(event.eventId(), timestamp, event.body()));
            HttpClientRequest[] sent = new HttpClientRequest[1];
            return client().request(options)
                    .chain(request -> {
                        sent[0] = request;
                        return request.send(Buffer.buffer(event.body())).chain(EventSender::settle);
                    })
                    .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException())
                    .onFailure().recoverWithItem(failure -> {
                        if (sent[0] != null) {
                            sent[0].reset();
                        }
                        boolean timedOut = failure instanceof java.util.concurrent.TimeoutException;
                        return new Attempt(0, null, timedOut ? "no answer within " + timeout.toMillis() + " ms"
                                : "connection failed (" + failure.getClass().getSimpleName() + ")", timedOut);
                    });
        });
    }

    /** The status and {@code Retry-After}; the body is read (up to the cap) only so that the connection can be kept. */
    private static Uni<Attempt> settle(HttpClientResponse response) {
        Attempt attempt = new Attempt(response.statusCode(), response.getHeader("Retry-After"), null, false);
        return Uni.createFrom().emitter(emitter -> {
            AtomicLong read = new AtomicLong();
            AtomicBoolean settled = new AtomicBoolean();
            response.handler(chunk -> {
                if (read.addAndGet(chunk.length()) > MAX_ANSWER && settled.compareAndSet(false, true)) {
                    response.handler(null);
                    response.exceptionHandler(ignored -> {
                    });
                    response.request().reset();
                    emitter.complete(attempt);
                }
            });
            response.exceptionHandler(failure -> {
                if (settled.compareAndSet(false, true)) {
                    emitter.complete(attempt);
                }
            });
            response.endHandler(() -> {
                if (settled.compareAndSet(false, true)) {
                    emitter.complete(attempt);
                }
            });
        });
    }

    private HttpClient client() {
        HttpClient resolved = client;
        if (resolved == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                            .setVerifyHost(true).setTrustAll(false).setKeepAlive(true).setMaxPoolSize(32)
                            .setDecompressionSupported(false));
                }
                resolved = client;
            }
        }
        return resolved;
    }

    @PreDestroy
    void close() {
        HttpClient open = client;
        if (open != null) {
            open.closeAndForget();
        }
    }
}
