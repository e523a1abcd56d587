package com.esigngateway.simulator;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway with no vendor URL and its embedded simulator enabled, as in dev mode. The simulator's tokens expire
 * after 2 minutes while the gateway trusts its token for 30 (SimulatedTokenExpiryTest: the gateway recovers when the
 * simulator answers an expired token with a null result, as the vendor does).
 */
public class SimulatorProfile implements QuarkusTestProfile {

    /** The simulator's admin key in these tests. */
    public static final String ADMIN_KEY = "test-simulator-admin-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("esign.simulator.enabled", "true", "quarkus.http.host", "127.0.0.1",
                "esign.gateway.clients.tests.key-sha256", com.esigngateway.testing.Requests.API_KEY_SHA256,
                "esign.gateway.clients.tests.owners", "*",
                "esign.gateway.clients.tests.roles", "signing-sessions,signing-sessions:purge",
                "esign.simulator.admin-key", ADMIN_KEY,
                // a large document's ~3.6 times larger vendor body takes the in-process simulator more than 2 s
                "esign.vendor.timeout", "60s",
                "esign.simulator.token-lifetime", "2m", "esign.vendor.token.ttl", "30m");
    }
}
