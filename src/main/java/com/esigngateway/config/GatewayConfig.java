package com.esigngateway.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the gateway accepts from its callers. */
@ConfigMapping(prefix = "esign.gateway")
public interface GatewayConfig {

    /**
     * Largest request body accepted; larger bodies get a 413 problem. Base64 makes a document about
     * a third larger than the file.
     */
    @WithDefault("20M")
    MemorySize maxBodySize();

    Idempotency idempotency();

    interface Idempotency {
        /** How long the answer to a request with an {@code Idempotency-Key} is kept for replay. */
        @WithDefault("24h")
        Duration retention();

        /** At most this many answers are kept; the oldest go first. */
        @WithDefault("10000")
        int maxEntries();
    }
}
