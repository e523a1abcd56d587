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
 * their checks cover. The same start has three API-key clients besides the JWT callers: {@link #CRM_KEY} and
 * {@link #HR_KEY} act for different owners (crm may purge too) ({@code session/SessionOwnershipTest}, {@code observability/AuditLogTest},
 * whose audit lines must carry no secret at DEBUG either), {@link #BATCH_KEY} has a share of 3 calls a minute of the
 * upstream rate limit ({@code vendor/ClientRateLimitShareTest}). {@code observability/TracingTest} has the same
 * settings, in a start of its own (a cold gateway, and no span of another test's leftover work among its spans). The
 * packaged application (the ITs of the ownership and share tests) has no in-memory span exporter: tracing stays off
 * there, it logs at INFO, and the upstream limits are as high as in-process.
 */
public class DebugLogsProfile implements QuarkusTestProfile {

    public static final String CRM_KEY = "crm-key-5e1f";
    public static final String HR_KEY = "hr-key-9a0b";
    public static final String BATCH_KEY = "batch-key-4c7d";

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
        // clients for different owners beside the JWT callers (session/SessionOwnershipTest, observability/AuditLogTest)
        config.put("esign.gateway.clients.crm.key-sha256", ApiKeyIdentityProvider.hashOf(CRM_KEY));
        config.put("esign.gateway.clients.crm.owners", "agent@example.com");
        config.put("esign.gateway.clients.crm.roles", "signing-sessions,signing-sessions:purge");
        config.put("esign.gateway.clients.hr.key-sha256", ApiKeyIdentityProvider.hashOf(HR_KEY));
        config.put("esign.gateway.clients.hr.owners", "*@hr.example");
        // a client with a share of the upstream rate limit (vendor/ClientRateLimitShareTest)
        config.put("esign.gateway.clients.batch.key-sha256", ApiKeyIdentityProvider.hashOf(BATCH_KEY));
        config.put("esign.gateway.clients.batch.owners", "agent@example.com");
        config.put("esign.gateway.clients.batch.rate-limit.requests", "3");
        config.put("esign.gateway.clients.batch.rate-limit.window", "1m");
        config.put("quarkus.otel.sdk.disabled", "false");
        // spans stay in memory in-process; the packaged application (the prod profile), which has no in-memory
        // exporter, keeps tracing off rather than send its spans to an OTLP collector that is not there
        config.put("%prod.quarkus.otel.sdk.disabled", "true");
        // and logs at INFO: its ITs (ownership, shares) look at answers, not at log lines (AuditLogIT starts its own)
        config.put("%prod.quarkus.log.level", "INFO");
        // and the upstream limits out of the way, as in-process (the ownership matrix makes a few hundred vendor calls)
        config.put("%prod.esign.upstream.rate-limit.requests", "100000");
        config.put("%prod.esign.upstream.max-concurrent", "200");
        config.put("quarkus.otel.bsp.schedule.delay", "20ms");
        return config;
    }
}
