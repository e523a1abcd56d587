package com.esigngateway.security;

import java.util.HashMap;
import java.util.Map;

import com.esigngateway.testing.TestJwts;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Everything at DEBUG, tracing on (exported in memory every 20 ms), JWT callers on, the embedded simulator on (with a
 * key of its own): one start for the tests that look for secrets in the logs ({@code security/SecretsStayOutOfLogsTest}
 * against WireMock, {@code SecretsWithTheSimulatorStayOutOfLogsTest} against the simulator) and for
 * {@code security/JwtAuthenticationTest}, which logs the JWT code at DEBUG; the more code runs while they look, the more
 * their checks cover. {@code observability/TracingTest} has the same settings, in a start of its own (a cold gateway,
 * and no span of another test's leftover work among its spans). In-process only: the packaged application has no
 * in-memory span exporter.
 */
public class DebugLogsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(TestJwts.verification());
        config.putAll(Map.of(
                "quarkus.log.level", "DEBUG",
                "esign.gateway.auth.jwt.enabled", "true",
                "quarkus.log.category.\"io.smallrye.jwt\".level", "DEBUG",
                "quarkus.log.category.\"io.quarkus.smallrye.jwt\".level", "DEBUG",
                "quarkus.log.category.\"io.quarkus.security\".level", "DEBUG",
                "esign.simulator.enabled", "true",
                "esign.simulator.api-key", SimulatorSecretScenario.SIMULATOR_KEY,
                "quarkus.http.host", "127.0.0.1"));
        config.put("esign.webhooks.inbound.secrets", SimulatorSecretScenario.WEBHOOK_SECRET);
        config.put("quarkus.otel.sdk.disabled", "false");
        config.put("quarkus.otel.bsp.schedule.delay", "20ms");
        return config;
    }
}
