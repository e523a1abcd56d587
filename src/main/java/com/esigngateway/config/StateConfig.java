package com.esigngateway.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the state that several gateway instances must share lives: the upstream rate limit, the vendor token and the
 * {@code Idempotency-Key} records. In memory (each instance its own, the default) or in Redis (one for all). The Redis
 * connection itself is the standard {@code quarkus.redis.*} settings.
 */
@ConfigMapping(prefix = "esign.state")
public interface StateConfig {

    /** {@code memory}: per instance, no Redis needed; {@code redis}: shared through {@code quarkus.redis.hosts}. */
    @WithDefault("memory")
    Store store();

    Redis redis();

    enum Store {
        MEMORY, REDIS
    }

    interface Redis {
        /**
         * Put before every key the gateway writes, inside a hash tag ({@code {esign-gateway}:token}) so that one
         * script's keys share a Redis Cluster slot; deployments that share a Redis need different prefixes.
         */
        @WithDefault("esign-gateway")
        String keyPrefix();

        /**
         * The AES-256 key (base64 of 32 bytes) that the vendor token and the kept answers are encrypted with in Redis.
         * Without it the key is derived from the vendor credentials (which every replica shares anyway): whoever can
         * read Redis but not the gateway's Secret learns nothing.
         */
        Optional<String> encryptionKey();

        /**
         * While Redis cannot be reached, each instance limits its vendor calls to
         * {@code esign.upstream.rate-limit.requests} divided by this (at least 1 per window), so that this many
         * instances together still stay within the limit. The manifest's autoscaler maximum.
         */
        @WithDefault("4")
        int fallbackReplicas();

        /** The breaker around Redis calls ({@code state-redis}). */
        CircuitBreakerSettings circuitBreaker();
    }
}
