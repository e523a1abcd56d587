package com.esigngateway.security;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.security.SimulatorSecretScenario.Answer;
import com.esigngateway.testing.PackagedApp;
import com.esigngateway.testing.Requests;

/**
 * The {@link SimulatorSecretScenario} against the packaged application (the jar, or the native executable) at DEBUG,
 * then callers that drop their connections mid-body on the receiver's and the EncryptString path: its whole console
 * output holds no secret.
 */
class SecretsWithTheSimulatorStayOutOfLogsIT {

    @Test
    void noSecretReachesTheConsoleAtDebug() throws Exception {
        int port = PackagedApp.freePort();
        try (PackagedApp.Running gateway = PackagedApp.start(Map.ofEntries(
                Map.entry("ESIGN_SIMULATOR_ENABLED", "true"),
                Map.entry("ESIGN_SIMULATOR_API_KEY", SimulatorSecretScenario.SIMULATOR_KEY),
                Map.entry("ESIGN_WEBHOOKS_INBOUND_SECRETS", SimulatorSecretScenario.WEBHOOK_SECRET),
                Map.entry("ESIGN_GATEWAY_CLIENTS_TESTS_KEY_SHA256", Requests.API_KEY_SHA256),
                Map.entry("ESIGN_GATEWAY_CLIENTS_TESTS_OWNERS", "*"),
                Map.entry("QUARKUS_LOG_LEVEL", "DEBUG"),
                Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false")),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.output().contains("Listening on"));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            List<String> secrets = SimulatorSecretScenario.run(new SimulatorSecretScenario.Client() {
                @Override
                public Answer post(String body) {
                    return send(http, HttpRequest.newBuilder(URI.create(base + Requests.PATH))
                            .header("Content-Type", "application/json").header("X-API-Key", Requests.API_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
                }

                @Override
                public Answer get(String pathOrUrl) {
                    return send(http, HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl)));
                }
            });

            secrets.addAll(SimulatorSecretScenario.dropConnectionsMidBody(port, () -> {
                try {
                    return gateway.output().lines().toList();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));

            SimulatorSecretScenario.assertNoSecretIn(gateway.output().lines().toList(), secrets);
        }
    }

    private static Answer send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
