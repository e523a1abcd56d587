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
    /** The webhook receiver's path secret, configured alongside the simulator. */
    static final String WEBHOOK_SECRET = "webhook-path-secret-c41d9a07e3b25f68";
    /** How many connections {@link #dropConnectionsMidBody} drops on each path. */
    static final int DROPS = 6;

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

    /**
     * Callers that go away in the middle of a body on the paths that hold a secret, the webhook receiver's and the
     * simulator's EncryptString: the gateway must end those requests without naming the path. Waits (bounded) until
     * the gateway has logged {@link #DROPS} ends, whatever it logged them as.
     *
     * @param logLines the gateway's log so far, read again on every call
     * @return the secrets in play
     */
    static List<String> dropConnectionsMidBody(int port, java.util.function.Supplier<List<String>> logLines)
            throws Exception {
        long before = ends(logLines.get());
        for (int i = 0; i < DROPS; i++) {
            for (String head : List.of("POST /webhooks/esign/" + WEBHOOK_SECRET,
                    "GET /simulator/rest/v1/encrypt/" + SIMULATOR_KEY + "/esign-gateway",
                    "POST /simulator/rest/v1/encrypt/" + SIMULATOR_KEY + "/esign-gateway")) {
                try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                    if (i % 2 == 0) {
                        socket.setSoLinger(true, 0); // a reset, as a client that is killed; otherwise a plain close
                    }
                    socket.getOutputStream().write((head + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"Data\":").getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    // the head has been read once anything comes back or the body is waited for
                    socket.setSoTimeout(200);
                    try {
                        socket.getInputStream().read();
                    } catch (java.net.SocketTimeoutException waiting) {
                        // the gateway waits for the rest of the body: drop it now
                    }
                }
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> ends(logLines.get()) >= before + DROPS);
        return List.of(WEBHOOK_SECRET, SIMULATOR_KEY);
    }

    /** The lines in which the gateway tells of a request whose caller went away (before the fix: Quarkus's ERROR). */
    private static long ends(List<String> lines) {
        return lines.stream().filter(line -> line.contains("the caller closed the connection")
                || line.toLowerCase(java.util.Locale.ROOT).contains("http request to") && line.contains("failed")).count();
    }

    static void assertNoSecretIn(List<String> lines, List<String> secrets) {
        assertThat(lines).as("the gateway logged at DEBUG").hasSizeGreaterThan(10);
        assertThat(lines).as("Quarkus REST logged the refused bodies at DEBUG")
                .anyMatch(line -> line.contains("Error occurred during deserialization of input"));
        assertThat(lines.stream().filter(line -> secrets.stream().anyMatch(line::contains)).toList())
                .as("log lines containing a secret").isEmpty();
    }
}
