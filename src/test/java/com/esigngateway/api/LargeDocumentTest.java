package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VariantsProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Documents over the spool threshold travel through a temporary file: the vendor receives exactly the
 * bytes, the file is gone when the request ends, and retries and idempotency work on them too.
 */
@QuarkusTest
@TestProfile(VariantsProfile.class)
@WithTestResource(VendorWireMock.class)
class LargeDocumentTest extends HealthyVendorTest {

    static final Path SPOOL = VariantsProfile.SPOOL;

    @Test
    void aSpooledDocumentReachesTheVendorByteForByteAndItsFileIsRemoved() throws Exception {
        byte[] document = randomBytes(3 * 1024 * 1024 + 7, 7);
        ObjectNode request = withDocument(document);

        Requests.create(request).statusCode(201);

        String sent = vendor.findAll(postRequestedFor(urlEqualTo("/rest/v1/sessions"))).get(0).getBodyAsString();
        JsonNode fileBytes = new ObjectMapper().readTree(sent).at("/session/Documents/0/FileBytes");
        assertThat(fileBytes.size()).isEqualTo(document.length);
        for (int i = 0; i < document.length; i += 4099) {
            assertThat(fileBytes.get(i).asInt()).isEqualTo(document[i] & 0xFF);
        }
        assertThat(fileBytes.get(document.length - 1).asInt()).isEqualTo(document[document.length - 1] & 0xFF);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(spooledFiles()).isEmpty());
    }

    @Test
    void aRetryAfterATokenRefusalSendsTheSpooledDocumentAgain() {
        ObjectNode request = withDocument(randomBytes(200_000, 3));
        vendor.stubFor(VendorStubs.createSession().inScenario("refuse-once").whenScenarioStateIs("Started")
                .atPriority(1).willReturn(VendorStubs.error("Error: Invalid token")).willSetStateTo("done"));

        Requests.create(request).statusCode(201);

        List<String> bodies = vendor.findAll(postRequestedFor(urlEqualTo("/rest/v1/sessions"))).stream()
                .map(r -> r.getBodyAsString()).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
    }

    @Test
    void idempotencyRecognisesTheSameLargeDocument() {
        byte[] document = randomBytes(500_000, 5);
        ObjectNode request = withDocument(document);
        String key = UUID.randomUUID().toString();

        Requests.conforming().header("Idempotency-Key", key).body(Contract.json(request)).post(Requests.PATH)
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Requests.conforming().header("Idempotency-Key", key).body(Contract.json(request)).post(Requests.PATH)
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        document[123_456] ^= 1;
        request = withDocument(document);
        Requests.conforming().header("Idempotency-Key", key).body(Contract.json(request)).post(Requests.PATH)
                .then().statusCode(422).body("type", equalTo("urn:esign-gateway:problem:idempotency-key-reused"));
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void invalidBase64InALargeDocumentIsAViolationAndLeavesNoFile() {
        ObjectNode request = Contract.exampleRequest();
        String valid = Base64.getEncoder().encodeToString(new byte[300_000]);
        ((ObjectNode) request.withArray("documents").get(0)).put("content", valid.substring(0, 200_000) + "!!!" + valid.substring(200_000));
        request.put("title", "");

        Requests.raw().body(Contract.json(request)).post(Requests.PATH).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("documents[0].content", "title"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(spooledFiles()).isEmpty());
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void documentsBeyondTheSpoolCapacityAreShedWith503AndTheCapacityComesBack() {
        // its body (12 MiB of base64) and its document (9 MiB) are spooled on their way in: over the 12M capacity
        ObjectNode request = withDocument(new byte[9 * 1024 * 1024]);

        Requests.raw().body(Contract.json(request)).post(Requests.PATH).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:esign-gateway:problem:gateway-busy"));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(spooledFiles()).isEmpty());

        request = withDocument(new byte[3 * 1024 * 1024]); // 4 MiB of body, then 3 MiB of document
        Requests.create(request).statusCode(201);
        Requests.create(request).statusCode(201); // the first one's bytes were given back
        assertThat(io.restassured.RestAssured.get("/q/metrics").asString())
                .contains("esign_gateway_spooled_bytes 0.0");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The contract example with {@code document} as its first document's content. */
    private static ObjectNode withDocument(byte[] document) {
        ObjectNode request = Contract.exampleRequest();
        ((ObjectNode) request.withArray("documents").get(0)).put("content", Base64.getEncoder().encodeToString(document));
        return request;
    }

    private static List<Path> spooledFiles() throws IOException {
        if (!Files.exists(SPOOL)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.toList();
        }
    }
}
