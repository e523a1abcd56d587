package com.esigngateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Requests;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The gateway at DEBUG against its embedded simulator, which it calls over HTTP: the API key travels in the
 * EncryptString path to this very server, and the token in the continue link's query. Bad bodies carry secrets
 * where Jackson would quote them (a password as an enum value, a key as an integer, after the JSON). No log line
 * may hold any of them, whichever logger wrote it.
 */
@QuarkusTest
@TestProfile(SecretsWithTheSimulatorStayOutOfLogsTest.DebugWithSimulator.class)
class SecretsWithTheSimulatorStayOutOfLogsTest {

    static final String SIMULATOR_KEY = "sim-secret-key-8d41c0";
    static final String MISPLACED_PASSWORD = "misplaced-pw-5e77a2";

    public static class DebugWithSimulator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "esign.simulator.enabled", "true",
                    "esign.simulator.api-key", SIMULATOR_KEY,
                    "quarkus.http.host", "127.0.0.1",
                    "quarkus.log.level", "DEBUG",
                    "quarkus.rest-client.logging.scope", "request-response",
                    "quarkus.rest-client.logging.body-limit", "100000",
                    "quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG");
        }
    }

    LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.install();
    }

    @AfterEach
    void release() {
        logs.uninstall();
    }

    @Test
    void noSecretReachesALogLineAtDebug() {
        List<String> secrets = new ArrayList<>(List.of(SIMULATOR_KEY, MISPLACED_PASSWORD, SecretScenario.SESSION_PASSWORD,
                SecretScenario.SIGNER_PASSWORD, SecretScenario.DOCUMENT_TEXT, SecretScenario.base64(SecretScenario.DOCUMENT_TEXT)));

        String continueUrl = Requests.raw().body(Contract.json(SecretScenario.request())).post(Requests.PATH)
                .then().statusCode(201).extract().path("continueUrl");
        Matcher token = Pattern.compile("token=([^&]+)").matcher(continueUrl);
        assertThat(token.find()).isTrue();
        secrets.add(URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
        given().urlEncodingEnabled(false).get(continueUrl).then().statusCode(200);
        String encryptedKey = given().get("/simulator/rest/v1/encrypt/" + SIMULATOR_KEY + "/esign-gateway")
                .then().statusCode(200).extract().path("ReturnValue");
        secrets.add(encryptedKey);

        ObjectNode enumPassword = Contract.exampleRequest();
        ((ObjectNode) enumPassword.withArray("signers").get(1).get("authentication")).put("method", MISPLACED_PASSWORD);
        ObjectNode integerPassword = Contract.exampleRequest();
        ((ObjectNode) integerPassword.withArray("signers").get(0)).put("sequence", MISPLACED_PASSWORD);
        for (String body : List.of(Contract.json(enumPassword), Contract.json(integerPassword),
                Contract.json(Contract.exampleRequest()) + MISPLACED_PASSWORD,
                Contract.json(Contract.exampleRequest()).replace("\"owner\"", "\"" + MISPLACED_PASSWORD + "\": 1, \"owner\""))) {
            Requests.raw().body(body).post(Requests.PATH).then().statusCode(400);
        }

        assertThat(logs.lines()).as("the gateway logged at DEBUG").hasSizeGreaterThan(10);
        assertThat(logs.lines()).as("Quarkus REST logged the refused bodies at DEBUG")
                .anyMatch(line -> line.contains("Error occurred during deserialization of input"));
        assertThat(logs.linesContainingAnyOf(secrets)).as("log lines containing a secret").isEmpty();
    }
}
