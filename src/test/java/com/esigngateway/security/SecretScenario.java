package com.esigngateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * Every kind of secret in play at once: the API key, the encrypted key, two tokens (the first refused), a session
 * and a signer password, document bytes, a signer's phone number; then vendor failures whose exceptions could carry URLs, headers or bodies.
 * Run in-process by {@link SecretsStayOutOfLogsTest} and against the packaged application by
 * {@link SecretsStayOutOfLogsIT}.
 */
final class SecretScenario {

    static final String ENCRYPTED_KEY = "ENC-KEY-a9f3c1e7";
    static final String TOKEN_1 = "TOKEN-ONE-5d2b8e";
    static final String TOKEN_2 = "TOKEN-TWO-77c4a0";
    static final String SESSION_PASSWORD = "session-pw-3e9d";
    static final String SIGNER_PASSWORD = "signer-pw-b71f";
    static final String DOCUMENT_TEXT = "CONFIDENTIAL-DOCUMENT-BODY-4c0f";
    /** Personal data rather than a secret, kept out of logs and error bodies all the same. */
    static final String SIGNER_PHONE = "+4915123456789";

    /** What no log line and no error body may contain. */
    static final List<String> SECRETS = List.of(VendorWireMock.API_KEY, "test-api-key%2Fwith", ENCRYPTED_KEY, TOKEN_1,
            TOKEN_2, SESSION_PASSWORD, SIGNER_PASSWORD, DOCUMENT_TEXT, base64(DOCUMENT_TEXT), SIGNER_PHONE, "4915123456789");

    private SecretScenario() {
    }

    /**
     * Creates a session through a token refusal, then meets each kind of vendor failure.
     *
     * @param send posts a request body and returns the answer's body
     * @return the answers' bodies, the 201 first
     */
    static List<String> run(WireMockServer vendor, Function<String, String> send) {
        List<String> bodies = new ArrayList<>();
        VendorStubs.healthy(vendor);
        vendor.stubFor(VendorStubs.encrypt().willReturn(VendorStubs.returnValue(ENCRYPTED_KEY)));
        vendor.stubFor(VendorStubs.getToken().inScenario("t").whenScenarioStateIs("Started")
                .willReturn(VendorStubs.returnValue(TOKEN_1)).willSetStateTo("2"));
        vendor.stubFor(VendorStubs.getToken().inScenario("t").whenScenarioStateIs("2")
                .willReturn(VendorStubs.returnValue(TOKEN_2)));
        vendor.stubFor(VendorStubs.createSession().atPriority(1).withHeader("Authorization", WireMock.equalTo(TOKEN_1))
                .willReturn(VendorStubs.error("Error: Invalid token")));
        bodies.add(send.apply(Contract.json(request())));

        for (var failure : List.of(aResponse().withStatus(500).withBody("Authorization: " + TOKEN_2),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                VendorStubs.json("{\"SigningSess"),
                VendorStubs.sessionCreated("x").withFixedDelay(3000),
                VendorStubs.error("Error: Username not found."))) {
            vendor.stubFor(VendorStubs.createSession().atPriority(1).willReturn(failure));
            bodies.add(send.apply(Contract.json(request())));
        }
        return bodies;
    }

    /** No line and no error body holds a secret; the 201 carries a token in continueUrl by design, nothing else. */
    static void assertNoSecretIn(List<String> logLines, List<String> bodies) {
        assertThat(logLines).as("the gateway logged at DEBUG").hasSizeGreaterThan(10);
        assertThat(logLines.stream().filter(line -> SECRETS.stream().anyMatch(line::contains)).toList())
                .as("log lines containing a secret").isEmpty();
        for (String body : bodies.subList(1, bodies.size())) {
            for (String secret : SECRETS) {
                assertThat(body).doesNotContain(secret);
            }
        }
        assertThat(bodies.get(0)).doesNotContain(SESSION_PASSWORD).doesNotContain(SIGNER_PASSWORD).doesNotContain(SIGNER_PHONE)
                .doesNotContain(base64(DOCUMENT_TEXT));
    }

    static ObjectNode request() {
        ObjectNode request = Contract.exampleRequest();
        request.put("password", SESSION_PASSWORD);
        ((ObjectNode) request.withArray("documents").get(0)).put("content", base64(DOCUMENT_TEXT));
        ((ObjectNode) request.withArray("signers").get(1)).putObject("authentication")
                .put("method", "PASSWORD").put("password", SIGNER_PASSWORD);
        ((ObjectNode) request.withArray("signers").get(0)).putObject("authentication")
                .put("method", "SMS").put("phone", SIGNER_PHONE);
        return request;
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
