package com.esigngateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.esigngateway.vendor.auth.EncryptedApiKey;
import com.esigngateway.vendor.auth.VendorTokenProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A full scenario with every kind of secret in play, logged at DEBUG with REST client logging asked
 * for: none of the API key, the encrypted key, the tokens, the passwords or the document bytes may
 * appear in any log line, exception or error body.
 */
@QuarkusTest
@TestProfile(SecretsStayOutOfLogsTest.Debug.class)
@WithTestResource(VendorWireMock.class)
class SecretsStayOutOfLogsTest {

    static final String ENCRYPTED_KEY = "ENC-KEY-a9f3c1e7";
    static final String TOKEN_1 = "TOKEN-ONE-5d2b8e";
    static final String TOKEN_2 = "TOKEN-TWO-77c4a0";
    static final String SESSION_PASSWORD = "session-pw-3e9d";
    static final String SIGNER_PASSWORD = "signer-pw-b71f";
    static final String DOCUMENT_TEXT = "CONFIDENTIAL-DOCUMENT-BODY-4c0f";

    public static class Debug implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.level", "DEBUG",
                    "quarkus.rest-client.logging.scope", "request-response",
                    "quarkus.rest-client.logging.body-limit", "100000",
                    "quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG");
        }
    }

    @InjectVendor
    WireMockServer vendor;

    @Inject
    EncryptedApiKey encryptedApiKey;

    @Inject
    VendorTokenProvider tokens;

    LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.install();
    }

    @AfterEach
    void release() {
        logs.uninstall();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void noSecretReachesALogLineOrAnErrorBody() {
        List<String> bodies = new ArrayList<>();
        VendorStubs.healthy(vendor);
        vendor.stubFor(VendorStubs.encrypt().willReturn(VendorStubs.returnValue(ENCRYPTED_KEY)));
        vendor.stubFor(VendorStubs.getToken().inScenario("t").whenScenarioStateIs("Started")
                .willReturn(VendorStubs.returnValue(TOKEN_1)).willSetStateTo("2"));
        vendor.stubFor(VendorStubs.getToken().inScenario("t").whenScenarioStateIs("2")
                .willReturn(VendorStubs.returnValue(TOKEN_2)));
        // The first token is refused: refresh and retry.
        vendor.stubFor(VendorStubs.createSession().atPriority(1).withHeader("Authorization", WireMock.equalTo(TOKEN_1))
                .willReturn(VendorStubs.error("Error: Invalid token")));

        bodies.add(Requests.create(secretRequest()).statusCode(201).extract().asString());

        // Vendor failures of every kind, whose exceptions could carry URLs, headers or bodies.
        for (var failure : List.of(aResponse().withStatus(500).withBody("Authorization: " + TOKEN_2),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                VendorStubs.json("{\"SigningSess"),
                VendorStubs.sessionCreated("x").withFixedDelay(3000),
                VendorStubs.error("Error: Username not found."))) {
            vendor.stubFor(VendorStubs.createSession().atPriority(1).willReturn(failure));
            bodies.add(Requests.raw().body(Contract.json(secretRequest())).post(Requests.PATH).then().extract().asString());
        }
        // A token service that times out while the plain key is in the EncryptString path.
        encryptedApiKey.forget().await().indefinitely();
        vendor.stubFor(VendorStubs.encrypt().atPriority(1).willReturn(VendorStubs.returnValue(ENCRYPTED_KEY).withFixedDelay(4000)));
        vendor.stubFor(VendorStubs.getToken().atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        tokens.held().ifPresent(tokens::reject);
        bodies.add(Requests.raw().body(Contract.json(secretRequest())).post(Requests.PATH).then().extract().asString());

        List<String> secrets = List.of(VendorWireMock.API_KEY, "test-api-key%2Fwith", ENCRYPTED_KEY, TOKEN_1, TOKEN_2,
                SESSION_PASSWORD, SIGNER_PASSWORD, DOCUMENT_TEXT, base64(DOCUMENT_TEXT));
        assertThat(logs.lines()).as("the gateway logged at DEBUG").hasSizeGreaterThan(10);
        assertThat(logs.linesContainingAnyOf(secrets)).as("log lines containing a secret").isEmpty();
        // The 201 carries the token in continueUrl by design; error bodies carry nothing.
        for (String body : bodies.subList(1, bodies.size())) {
            for (String secret : secrets) {
                assertThat(body).doesNotContain(secret);
            }
        }
        assertThat(bodies.get(0)).doesNotContain(SESSION_PASSWORD).doesNotContain(SIGNER_PASSWORD)
                .doesNotContain(base64(DOCUMENT_TEXT));
    }

    private static ObjectNode secretRequest() {
        ObjectNode request = Contract.exampleRequest();
        request.put("password", SESSION_PASSWORD);
        ((ObjectNode) request.withArray("documents").get(0)).put("content", base64(DOCUMENT_TEXT));
        ((ObjectNode) request.withArray("signers").get(1)).putObject("authentication")
                .put("method", "PASSWORD").put("password", SIGNER_PASSWORD);
        return request;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
