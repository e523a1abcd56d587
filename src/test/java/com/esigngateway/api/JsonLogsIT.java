package com.esigngateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.PackagedApp;
import com.esigngateway.testing.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** In production the console log is JSON, one object per line, with the request id and client in the MDC. */
class JsonLogsIT {

    @Test
    void productionLogsAreJsonLinesWithTheRequestContext() throws Exception {
        int port = PackagedApp.freePort();
        try (PackagedApp.Running gateway = PackagedApp.start(Map.of("ESIGN_SIMULATOR_ENABLED", "true",
                "ESIGN_GATEWAY_CLIENTS_LOGS_KEY_SHA256", Requests.API_KEY_SHA256, "ESIGN_GATEWAY_CLIENTS_LOGS_OWNERS", "*"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.output().contains("Listening on"));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + Requests.PATH))
                    .header("Content-Type", "application/json").header("X-API-Key", Requests.API_KEY)
                    .header("X-Request-Id", "json-logs-check")
                    .POST(HttpRequest.BodyPublishers.ofString(Contract.json(Contract.exampleRequest()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.output().contains("Created vendor session"));

            List<String> lines = gateway.output().lines()
                    .filter(line -> !line.isBlank()).toList();
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                assertThat(entry.has("timestamp") && entry.has("level") && entry.has("message")).as(line).isTrue();
            }
            JsonNode created = json.readTree(lines.stream().filter(line -> line.contains("Created vendor session"))
                    .findFirst().orElseThrow());
            assertThat(created.at("/mdc/requestId").asText()).isEqualTo("json-logs-check");
            assertThat(created.at("/mdc/client").asText()).isEqualTo("logs");
            assertThat(gateway.output()).doesNotContain(Requests.API_KEY);
        }
    }
}
