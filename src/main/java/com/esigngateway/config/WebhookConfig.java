package com.esigngateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Status events: the vendor's webhooks received on {@code POST /webhooks/esign/{secret}}, verified by reading the
 * session, and delivered to internal subscribers as signed events (Standard Webhooks).
 */
@ConfigMapping(prefix = "esign.webhooks")
public interface WebhookConfig {

    Inbound inbound();

    Verification verification();

    Delivery delivery();

    /** Bounds of the queues, and (with Redis) when a replica's unfinished work is taken over. */
    Queue queue();

    /** The internal services that receive events, by name: {@code esign.webhooks.subscribers.<name>.url}. */
    Map<String, Subscriber> subscribers();

    /** The key of the dead-letter admin API ({@code X-Admin-Key}); the API answers 401 to everyone without one. */
    Optional<String> adminKey();

    /** How often the workers look for due work (new work is also picked up at once on the instance that took it). */
    @WithDefault("1s")
    Duration pollInterval();

    interface Inbound {
        /**
         * The path secrets the vendor's webhook URL may carry; two during a rotation. None: the receiver is off
         * (every request a 404).
         */
        Optional<List<String>> secrets();

        /** Largest webhook body read; the vendor's are a few hundred bytes. */
        @WithDefault("16K")
        MemorySize maxBodySize();

        /** How long a webhook that was received once is recognised as a repeat. */
        @WithDefault("24h")
        Duration dedupeWindow();
    }

    interface Verification {
        /** First wait after a GetSession that failed for an outage, doubled each time. */
        @WithDefault("2s")
        Duration initialDelay();

        /** Longest wait between two verification attempts. */
        @WithDefault("5m")
        Duration maxDelay();

        /** After this long without a verification, the event goes to the dead letters (it is never delivered unverified). */
        @WithDefault("24h")
        Duration maxAge();

        /** Verifications (GetSession calls) in flight at once on this instance. */
        @WithDefault("4")
        int maxConcurrent();
    }

    interface Delivery {
        /** Time limit of one delivery attempt (connect, send, answer). */
        @WithDefault("15s")
        Duration timeout();

        /** First wait after a failed attempt, doubled after each further failure. */
        @WithDefault("5s")
        Duration initialDelay();

        /** Longest wait between two attempts (a longer {@code Retry-After} is honoured, up to a day). */
        @WithDefault("1h")
        Duration maxDelay();

        /** Share of each wait taken off at random (0 to 1), so that retries after an outage do not arrive in step. */
        @WithDefault("0.2")
        double jitter();

        /** Attempts in all, the first one included; after the last the event is a dead letter. */
        @WithDefault("20")
        int maxAttempts();

        /** Deliveries in flight at once per subscriber on this instance. */
        @WithDefault("4")
        int maxConcurrent();
    }

    interface Queue {
        /** Events waiting for verification, and for delivery per subscriber, kept at most. */
        @WithDefault("10000")
        int capacity();

        /**
         * Dead letters kept at most (in all in memory mode, per queue with Redis); beyond, the oldest is dropped with
         * a warning.
         */
        @WithDefault("10000")
        int deadLetterCapacity();

        /**
         * With Redis: how long work handed to a replica may stay unreported before another replica takes it over (the
         * first one crashed or hangs). Longer than one attempt can take: a delivery's time limit, a verification's.
         */
        @WithDefault("2m")
        Duration claimAfter();
    }

    interface Subscriber {
        /** Where the events are POSTed (http or https). */
        URI url();

        /**
         * The signing secrets, {@code whsec_} and base64 of at least 24 random bytes; with two (a rotation) each
         * event carries both signatures.
         */
        List<String> secret();

        /** The event types this subscriber receives ({@code signing-session.*} for a family); all by default. */
        @WithDefault("*")
        List<String> events();

        /**
         * The API-key client ({@code esign.gateway.clients.<name>}) this subscriber belongs to: it receives only the
         * events of sessions whose owner the client acts for. Unset: every event.
         */
        Optional<String> client();
    }
}
