package com.esigngateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The embedded vendor simulator, served under {@code /simulator/}. On in dev, off otherwise. */
@ConfigMapping(prefix = "esign.simulator")
public interface SimulatorConfig {

    @WithDefault("false")
    boolean enabled();

    /** The API key the simulator accepts. */
    @WithDefault("sim-api-key")
    String apiKey();

    /** How long a simulated token lives; the simulator rejects it afterwards, as the vendor does. */
    @WithDefault("2m")
    Duration tokenLifetime();

    /** eSign users (owners) the simulator knows; others get {@code Error: Username not found.} */
    @WithDefault("agent@example.com,owner@example.com")
    List<String> users();

    /**
     * The key {@code /simulator/admin/*} (fault injection) requires in {@code X-Admin-Key}. When not set, a random
     * one is made at start-up and logged once: the simulator is a development tool, and so is this key.
     */
    Optional<String> adminKey();

    /** Largest session body the simulator reads. */
    @WithDefault("512")
    int maxBodyMegabytes();

    /**
     * Whether the simulator sends the vendor's webhooks when a simulated session changes (a signer completes or
     * declines, a cancel).
     */
    @WithDefault("true")
    boolean sendWebhooks();

    /**
     * Where it sends them; by default this gateway's own receiver ({@code /webhooks/esign/} with the first of
     * {@code esign.webhooks.inbound.secrets}), and nowhere when that has no secret.
     */
    Optional<URI> webhookUrl();
}
