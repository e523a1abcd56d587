package com.esigngateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.esigngateway.testing.Contract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway against its embedded simulator, which it calls over HTTP: the API key travels in the EncryptString
 * path to this very server, the token in the continue link's query. Then bodies that carry a secret where Jackson
 * would quote it (a password as an enum value, as an integer, as a field name, after the JSON). Run in-process by
 * {@link SecretsWithTheSimulatorStayOutOfLogsTest} and against the packaged application by
 * {@link SecretsWithTheSimulatorStayOutOfLogsIT}, both at DEBUG.
 */
final class SimulatorSecretScenario {

    static final String SIMULATOR_KEY = "sim-secret-key-8d41c0";
    static final String MISPLACED_PASSWORD = "misplaced-pw-5e77a2";

    /** A status and a body. */
    record Answer(int status, String body) {
    }

    /** The HTTP calls the scenario makes, in-process or against the packaged application. */
    interface Client {
        Answer post(String body);

        /** {@code pathOrUrl} is a path on the gateway, or a whole URL on it (the continue link). */
        Answer get(String pathOrUrl);
    }

    private SimulatorSecretScenario() {
    }

    /** @return every secret in play, the ones only the run can learn (token, encrypted key) included */
    static List<String> run(Client client) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(SIMULATOR_KEY, MISPLACED_PASSWORD, SecretScenario.SESSION_PASSWORD,
                SecretScenario.SIGNER_PASSWORD, SecretScenario.DOCUMENT_TEXT, SecretScenario.base64(SecretScenario.DOCUMENT_TEXT)));
        ObjectMapper json = new ObjectMapper();

        Answer created = client.post(Contract.json(SecretScenario.request()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String continueUrl = json.readTree(created.body()).path("continueUrl").asText();
        Matcher token = Pattern.compile("token=([^&]+)").matcher(continueUrl);
        assertThat(token.find()).as(continueUrl).isTrue();
        secrets.add(URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
        assertThat(client.get(continueUrl).status()).isEqualTo(200);
        Answer encrypted = client.get("/simulator/rest/v1/encrypt/" + SIMULATOR_KEY + "/esign-gateway");
        JsonNode returnValue = json.readTree(encrypted.body()).path("ReturnValue");
        assertThat(returnValue.isTextual()).as(encrypted.body()).isTrue();
        secrets.add(returnValue.asText());

        ObjectNode enumPassword = Contract.exampleRequest();
        ((ObjectNode) enumPassword.withArray("signers").get(1).get("authentication")).put("method", MISPLACED_PASSWORD);
        ObjectNode integerPassword = Contract.exampleRequest();
        ((ObjectNode) integerPassword.withArray("signers").get(0)).put("sequence", MISPLACED_PASSWORD);
        String example = Contract.json(Contract.exampleRequest());
        for (String body : List.of(Contract.json(enumPassword), Contract.json(integerPassword), example + MISPLACED_PASSWORD,
                example.replace("\"owner\"", "\"" + MISPLACED_PASSWORD + "\": 1, \"owner\""))) {
            Answer refused = client.post(body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        }
        return secrets;
    }

    static void assertNoSecretIn(List<String> lines, List<String> secrets) {
        assertThat(lines).as("the gateway logged at DEBUG").hasSizeGreaterThan(10);
        assertThat(lines).as("Quarkus REST logged the refused bodies at DEBUG")
                .anyMatch(line -> line.contains("Error occurred during deserialization of input"));
        assertThat(lines.stream().filter(line -> secrets.stream().anyMatch(line::contains)).toList())
                .as("log lines containing a secret").isEmpty();
    }
}
