package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Thousands of request bodies from {@link BodyCorpus} (mutations of the contract's example and random JSON) against
 * a working vendor. For every one: never a 500, only 201 or 400, and every answer conforms to the contract
 * (problems included); a body the contract itself refuses is never a 201. {@code RequestBindingFuzzIT} sends the
 * same corpus to the packaged application. Set {@code -Dfuzz.seed} and {@code -Dfuzz.bodies} to replay or widen it.
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class RequestBindingFuzzTest extends HealthyVendorTest {

    private static final Logger LOG = Logger.getLogger(RequestBindingFuzzTest.class);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    static final int BODIES = Integer.getInteger("fuzz.bodies", 3000);

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyBodyGetsAContractAnswerAndNoneA500() throws Exception {
        OpenApiInteractionValidator contract = Contract.validator();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + RestAssured.port + Requests.PATH);
        BodyCorpus corpus = new BodyCorpus(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();

        for (int i = 0; i < BODIES && failures.size() < 10; i++) {
            byte[] body = corpus.next();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-API-Key", Requests.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            String problem = check(contract, body, answer);
            if (problem != null) {
                failures.add("body #" + i + " (seed " + SEED + "): " + problem + "\n  sent: "
                        + abbreviate(new String(body, StandardCharsets.UTF_8)) + "\n  got: " + answer.statusCode() + " "
                        + abbreviate(answer.body()));
            }
        }

        LOG.infof("Binding fuzz: %d bodies (seed %d) in %d ms, answers by status %s", BODIES, SEED,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), statuses);
        assertThat(failures).as("answers that break the rules").isEmpty();
        assertThat(statuses).containsOnlyKeys(201, 400);
        assertThat(statuses.get(400)).as("refused bodies").isGreaterThan(BODIES / 3);
        assertThat(statuses.get(201)).as("accepted bodies").isGreaterThan(BODIES / 20);
    }

    /** What is wrong with this answer to this body, or null. */
    static String check(OpenApiInteractionValidator contract, byte[] body, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 500) {
            return "a " + status;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 300 && !type.startsWith("application/problem+json")) {
            return "not a problem: " + type;
        }
        ValidationReport response = contract.validateResponse(Requests.PATH, Request.Method.POST,
                SimpleResponse.Builder.status(status).withContentType(type).withBody(answer.body()).build());
        if (response.hasErrors()) {
            return "the answer breaks the contract: " + response.getMessages();
        }
        if (status == 201 && refusedByTheContract(contract, body)) {
            return "a 201 for a body the contract refuses: " + contract.validateRequest(request(body)).getMessages();
        }
        return null;
    }

    /**
     * Whether the contract refuses a body the gateway took, less the two liberties the gateway allows itself: a
     * leading UTF-8 byte order mark (RFC 8259 lets a parser ignore it) and whitespace inside base64 {@code content}
     * (skipped, as MIME decoders do, by the streaming decoder).
     */
    private static boolean refusedByTheContract(OpenApiInteractionValidator contract, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(text.startsWith("\ufeff") ? text.substring(1) : text);
            for (com.fasterxml.jackson.databind.JsonNode document : tree.path("documents")) {
                if (document.path("content").isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) document).put("content",
                            document.get("content").asText().replaceAll("\\s", ""));
                }
            }
            body = Contract.json(tree).getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException notJson) {
            return true;
        }
        return contract.validateRequest(request(body)).getMessages().stream()
                .anyMatch(message -> message.getLevel() == ValidationReport.Level.ERROR
                        && message.getKey().startsWith("validation.request.body"));
    }

    private static SimpleRequest request(byte[] body) {
        return SimpleRequest.Builder.post(Requests.PATH).withContentType("application/json")
                .withHeader("X-API-Key", Requests.API_KEY).withBody(new String(body, StandardCharsets.UTF_8)).build();
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
