package com.esigngateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the gateway accepts from its callers. */
@ConfigMapping(prefix = "esign.gateway")
public interface GatewayConfig {

    /**
     * Largest request body accepted; larger bodies get a 413 problem. The default takes the vendor's
     * 100 MB of documents per session: base64 makes them a third larger. Memory does not grow with it
     * (documents are spooled), disk does: see {@link #spoolCapacity()}.
     */
    @WithDefault("140M")
    MemorySize maxBodySize();

    /**
     * Decoded documents larger than this go to a temporary file instead of the heap, so that memory per
     * request stays bounded whatever the document size.
     */
    @WithDefault("1M")
    MemorySize spoolThreshold();

    /** Directory for those files; the JVM's temporary directory by default. Needs room for the documents in flight. */
    Optional<String> spoolDirectory();

    /**
     * At most this many bytes of documents are spooled at once; a request that would go beyond is
     * answered 503 with Retry-After, so that a burst of large uploads cannot fill the disk.
     */
    @WithDefault("2G")
    MemorySize spoolCapacity();

    /**
     * Every request is answered within this time from when its body has been received: the token, the waits for an
     * upload slot or a rate-limit place, retries, the vendor calls, the landing URL. Each vendor call keeps its own
     * shorter limit as well; when this one runs out first the answer is a 504.
     */
    @WithDefault("40s")
    Duration requestTimeout();

    /**
     * How long a caller may take to send its body, on top of what its size takes at {@link #bodyMinRate()}: a
     * body that has not arrived by then is answered 408 and its connection closed, so that a stalled or
     * trickling caller holds nothing for long.
     */
    @WithDefault("10s")
    Duration bodyTimeout();

    /** The slowest average rate, in bytes per second, at which a body is still waited for (see {@link #bodyTimeout()}). */
    @WithDefault("256K")
    MemorySize bodyMinRate();

    /**
     * Request bodies are received before they are parsed, so that no thread waits for a caller's bytes: at most
     * this many bytes of them in memory at once (each at most {@link #spoolThreshold()}), the rest in the spool.
     */
    @WithDefault("32M")
    MemorySize bodyMemory();

    Idempotency idempotency();

    /** The gateway's record of the sessions it created (client, owner), for the object-level check. */
    SessionOwners sessionOwners();

    Auth auth();

    /** Calling services, by name: {@code esign.gateway.clients.<name>.key-sha256}. */
    Map<String, Client> clients();

    interface Auth {
        /**
         * Whether callers must present an API key. On by default; off in dev mode. Switching it off in
         * production must be explicit, and is logged at start-up.
         */
        @WithDefault("true")
        boolean enabled();

        Jwt jwt();
    }

    interface Jwt {
        /**
         * Whether callers may also present a JWT as their bearer token, verified with the standard
         * {@code mp.jwt.verify.*} settings (public key or JWKS location, issuer, audiences).
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * The claim that lists the owners a JWT caller acts for (the same patterns as a client's
         * {@link Client#owners()}); a token without it acts for nobody. Required when JWT callers are on.
         */
        Optional<String> ownersClaim();
    }

    interface Client {
        /** SHA-256 of the client's API key, hex-encoded: {@code printf %s "$KEY" | sha256sum}. */
        String keySha256();

        /** What the client may do; {@code signing-sessions} allows creating sessions. */
        @WithDefault("signing-sessions")
        Set<String> roles();

        /**
         * The eSign users (owner emails) the client acts for: addresses, {@code *@domain} (not its subdomains) or
         * {@code *} for every owner; case is ignored. Required when authentication is on: start-up names a client
         * without it.
         */
        Optional<List<String>> owners();

        /** The client's share of the upstream rate limit; none by default (the global limit alone binds it). */
        ClientRateLimit rateLimit();
    }

    interface ClientRateLimit {
        /**
         * Vendor calls made for the client per {@link #window()}, inside the global {@code esign.upstream.rate-limit};
         * unset: no share of its own.
         */
        Optional<Integer> requests();

        /** The sliding window of the share: no window of this length holds more than {@link #requests()} of its calls. */
        @WithDefault("1s")
        Duration window();
    }

    interface SessionOwners {
        /** How long past a session's expiry (at most 90 days after its creation) its record is kept. */
        @WithDefault("7d")
        Duration margin();

        /**
         * In memory mode, the most records an instance keeps; beyond, the oldest are dropped (their sessions are then
         * checked against the vendor's owner alone). With Redis, Redis's memory is the bound.
         */
        @WithDefault("100000")
        int capacity();
    }

    interface Idempotency {
        /** How long the answer to a request with an {@code Idempotency-Key} is kept for replay. */
        @WithDefault("24h")
        Duration retention();

        /**
         * Memory for kept answers (and the requests still running with a key), by an estimate of what each record
         * holds: about 2.6 KB for the contract's example (two signers, one document). When it is full, new keys are
         * refused with a 503 until the oldest answers expire; no answer is ever dropped before its retention. 32M
         * holds about 12,000 such answers.
         */
        @WithDefault("32M")
        MemorySize capacity();
    }
}
