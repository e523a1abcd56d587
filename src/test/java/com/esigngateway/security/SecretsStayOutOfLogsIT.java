package com.esigngateway.security;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.PackagedApp;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The {@link SecretScenario} against the packaged application (the jar, or the native executable) logging at DEBUG, after a token service that timed out with the plain key in its path: its
 * whole console output holds no secret.
 */
class SecretsStayOutOfLogsIT {

    @Test
    void noSecretReachesTheConsoleOrAnErrorBody() throws Exception {
        WireMockServer vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(16).jettyAcceptors(1));
        vendor.start();
        int port = PackagedApp.freePort();
        try (PackagedApp.Running gateway = PackagedApp.start(Map.ofEntries(
                Map.entry("ESIGN_VENDOR_URL", "http://127.0.0.1:" + vendor.port() + "/"),
                Map.entry("ESIGN_VENDOR_API_KEY", VendorWireMock.API_KEY),
                Map.entry("ESIGN_VENDOR_SALT", VendorWireMock.SALT),
                Map.entry("ESIGN_VENDOR_TIMEOUT", "2s"),
                Map.entry("ESIGN_VENDOR_TOKEN_TIMEOUT", "1s"),
                // one try, so that the timed-out token call does not open the token breaker for the rest
                Map.entry("ESIGN_VENDOR_TOKEN_RETRY_MAX_RETRIES", "0"),
                Map.entry("ESIGN_GATEWAY_CLIENTS_TESTS_KEY_SHA256", Requests.API_KEY_SHA256),
                Map.entry("ESIGN_GATEWAY_CLIENTS_TESTS_OWNERS", "*"),
                Map.entry("QUARKUS_LOG_LEVEL", "DEBUG"),
                Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false")),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.output().contains("Listening on"));
            HttpClient client = HttpClient.newHttpClient();
            Function<String, String> send = body -> post(client, port, body);
            List<String> bodies = new ArrayList<>();

            // First, on the cold gateway: a token service that times out while the plain key is in the path.
            VendorStubs.healthy(vendor);
            vendor.stubFor(VendorStubs.encrypt().willReturn(VendorStubs.returnValue(SecretScenario.ENCRYPTED_KEY)
                    .withFixedDelay(1500)));
            String timedOut = send.apply(com.esigngateway.testing.Contract.json(SecretScenario.request()));
            assertThat(timedOut).contains("vendor-unavailable");

            bodies.addAll(SecretScenario.run(vendor, send));
            bodies.add(timedOut);

            assertThat(bodies.get(0)).contains("\"continueUrl\"");
            SecretScenario.assertNoSecretIn(gateway.output().lines().toList(), bodies);
        } finally {
            vendor.stop();
        }
    }

    private static String post(HttpClient client, int port, String body) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Requests.PATH))
                    .header("Content-Type", "application/json").header("X-API-Key", Requests.API_KEY)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
