package com.esigngateway.reliability;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway as the hostile-client tests meet it: a short body deadline so that they end quickly, a small body limit,
 * few worker threads, so that a handful of stalled callers would be enough to starve them if a stalled body held one,
 * a short idle limit for connections (above the body deadline, as in production), and a webhook path secret.
 * The same start serves {@code session/IdempotencyRetentionTest} (a small idempotency store: none of the others sends an
 * {@code Idempotency-Key}), and the tests that need the upstream limits out of the way in the packaged application too
 * (which runs the prod profile): {@code RequestBindingFuzzIT}, {@code vendor/auth/ColdGatewayTest} (50 callers at once
 * on a cold gateway) and {@code SharedTokenRequestContextTest} (20).
 */
public class ReliabilityProfile implements QuarkusTestProfile {

    static final int WORKERS = 8;
    static final long BODY_TIMEOUT_SECONDS = 5;
    static final int MAX_BODY = 8 * 1024 * 1024;
    static final long IDLE_TIMEOUT_SECONDS = 8;
    static final String WEBHOOK_SECRET = "reliability-webhook-path-secret-5b0c9e21";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("esign.gateway.body-timeout", BODY_TIMEOUT_SECONDS + "s",
                "esign.gateway.max-body-size", String.valueOf(MAX_BODY),
                "quarkus.thread-pool.max-threads", String.valueOf(WORKERS),
                "quarkus.thread-pool.core-threads", "1",
                // session/IdempotencyRetentionTest: a store that a few records fill (no other test here sends a key)
                "esign.gateway.idempotency.capacity", "12K",
                "esign.gateway.idempotency.retention", "24h",
                // the upstream limits out of the way, in the packaged application (prod profile) too
                "esign.upstream.rate-limit.requests", "100000",
                "esign.upstream.max-concurrent", "200",
                "quarkus.http.idle-timeout", IDLE_TIMEOUT_SECONDS + "s",
                "esign.webhooks.inbound.secrets", WEBHOOK_SECRET);
    }
}
