package com.esigngateway.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.security.ApiKeyIdentityProvider;
import com.esigngateway.testing.Replicas;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * The audit log of the packaged application (the jar, or the native executable), logging at DEBUG in its production
 * JSON format: a cancel writes one record on {@code esign.audit} naming the client, a refusal by the ownership check
 * one naming the refused client, and the whole output holds no credential or token.
 */
class AuditLogIT {

    static final String CRM_KEY = "crm-key-6a7b";
    static final String HR_KEY = "hr-key-8c9d";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCancelAndARefusalAreAuditedWithoutSecrets() throws Exception {
        try (Replicas replicas = Replicas.start(1, null, Map.of(
                "ESIGN_GATEWAY_CLIENTS_CRM_KEY_SHA256", ApiKeyIdentityProvider.hashOf(CRM_KEY),
                "ESIGN_GATEWAY_CLIENTS_CRM_OWNERS", "agent@example.com",
                "ESIGN_GATEWAY_CLIENTS_HR_KEY_SHA256", ApiKeyIdentityProvider.hashOf(HR_KEY),
                "ESIGN_GATEWAY_CLIENTS_HR_OWNERS", "*@hr.example",
                "QUARKUS_LOG_LEVEL", "DEBUG"))) {
            var vendor = replicas.vendorStub();
            String session = VendorStubs.SESSION_ID;
            vendor.stubFor(VendorStubs.getSession(session).willReturn(VendorStubs.sessionDetails(session, "agent@example.com")));
            vendor.stubFor(put(urlPathMatching("/rest/v1/sessions/[^/]+/cancel")).willReturn(VendorStubs.returnValue("True")));
            Replicas.Gateway gateway = replicas.get(0);
            as(gateway, CRM_KEY).header("X-Request-Id", "req-it-cancel").body("{}")
                    .post(Requests.PATH + "/" + session + "/cancel").then().statusCode(200);
            as(gateway, HR_KEY).header("X-Request-Id", "req-it-refused").body("{}")
                    .post(Requests.PATH + "/" + session + "/cancel").then().statusCode(404);

            await().atMost(Duration.ofSeconds(10)).until(() -> records(gateway).size() >= 2);
            List<JsonNode> records = records(gateway);
            assertThat(records).hasSize(2);
            assertThat(records.get(0).path("client").asText()).isEqualTo("crm");
            assertThat(records.get(0).path("operation").asText()).isEqualTo("cancel");
            assertThat(records.get(0).path("sessionId").asText()).isEqualTo(session);
            assertThat(records.get(0).path("status").asInt()).isEqualTo(200);
            assertThat(records.get(0).path("requestId").asText()).isEqualTo("req-it-cancel");
            assertThat(records.get(1).path("client").asText()).isEqualTo("hr");
            assertThat(records.get(1).path("status").asInt()).isEqualTo(404);
            assertThat(records.get(1).path("outcome").asText()).isEqualTo("refused");
            String output = gateway.output();
            assertThat(output).contains("DEBUG");
            for (String secret : List.of(CRM_KEY, HR_KEY, VendorStubs.TOKEN, VendorWireMock.API_KEY, VendorStubs.ENCRYPTED_KEY)) {
                assertThat(output).doesNotContain(secret);
            }
            assertThat(VendorStubs.count(vendor, com.github.tomakehurst.wiremock.client.WireMock
                    .putRequestedFor(urlPathMatching(".*/cancel")))).isEqualTo(1);
        }
    }

    /** The audit records in the replica's JSON console output, in order. */
    static List<JsonNode> records(Replicas.Gateway gateway) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : gateway.output().lines().toList()) {
            if (line.startsWith("{") && line.contains("\"esign.audit\"")) {
                JsonNode record = JSON.readTree(line);
                if (AuditLog.CATEGORY.equals(record.path("loggerName").asText())) {
                    records.add(JSON.readTree(record.path("message").asText()));
                }
            }
        }
        return records;
    }

    private static io.restassured.specification.RequestSpecification as(Replicas.Gateway gateway, String key) {
        return RestAssured.given().baseUri("http://127.0.0.1").port(gateway.port()).contentType("application/json")
                .header("X-API-Key", key);
    }
}
