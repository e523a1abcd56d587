package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The main path, against a vendor that works. Runs against the packaged application too ({@code *IT}). */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class SigningSessionResourceTest extends HealthyVendorTest {

    @Test
    void createsTheContractExampleAndAnswersWithTheVendorSession() {
        String requestId = "req-" + UUID.randomUUID();
        Requests.conforming().header("X-Request-Id", requestId).body(Contract.json(Contract.exampleRequest()))
                .when().post(Requests.PATH)
                .then().statusCode(201)
                .header("Location", "/v1/signing-sessions/" + VendorStubs.SESSION_ID)
                .header("X-Request-Id", requestId)
                .header("Idempotent-Replayed", nullValue())
                .body("id", equalTo(VendorStubs.SESSION_ID))
                .body("title", equalTo("Purchase agreement - 12 Elm Street"))
                .body("transactionId", equalTo("TX-2026-0042"))
                .body("signers.email", contains("seller@example.com", "buyer@example.com"))
                .body("signers.role", contains("Seller 1", "Buyer 1"))
                .body("signers.id", contains("11111111-1111-1111-1111-111111111111",
                        "22222222-2222-2222-2222-222222222222"))
                .body("documents.fileName", contains("purchase-agreement.pdf"))
                .body("continueUrl", equalTo(VendorStubs.LANDING_URL + "token=" + VendorStubs.TOKEN
                        + "&user=agent%40example.com&ssid=" + VendorStubs.SESSION_ID + "&page=continue"))
                .body("$", not(hasKey("password")));
    }

    @Test
    void answersWithEveryFieldOfTheCreatedSession() {
        ObjectNode request = Contract.exampleRequest();
        String expiresAt = java.time.Instant.now().plus(java.time.Duration.ofDays(30))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        request.put("expiresAt", expiresAt);

        var answer = Requests.create(request).statusCode(201).extract().jsonPath();

        assertThat(answer.getMap("$").keySet())
                .containsExactlyInAnyOrder("id", "title", "transactionId", "signers", "documents", "expiresAt", "continueUrl");
        assertThat(java.time.OffsetDateTime.parse(answer.getString("expiresAt")).toInstant())
                .isEqualTo(java.time.Instant.parse(expiresAt));
        assertThat(answer.getString("transactionId")).isEqualTo("TX-2026-0042");
        assertThat(answer.getList("signers.id")).containsExactly("11111111-1111-1111-1111-111111111111",
                "22222222-2222-2222-2222-222222222222");
        assertThat(answer.getString("continueUrl")).startsWith(VendorStubs.LANDING_URL + "token=");
    }

    @Test
    void sendsTheVendorTheDocumentedBodyWithTheRawTokenAndTheRequestId() throws Exception {
        String requestId = "req-" + UUID.randomUUID();
        Requests.conforming().header("X-Request-Id", requestId).body(Contract.json(Contract.exampleRequest()))
                .when().post(Requests.PATH).then().statusCode(201);

        String golden = Files.readString(Path.of("src/test/resources/golden/create-session-example.json"));
        vendor.verify(1, postRequestedFor(urlEqualTo("/rest/v1/sessions"))
                .withHeader("Authorization", WireMock.equalTo(VendorStubs.TOKEN))
                .withHeader("X-Request-Id", WireMock.equalTo(requestId))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(equalToJson(golden)));
        LoggedRequest sent = vendor.findAll(postRequestedFor(urlEqualTo("/rest/v1/sessions"))).get(0);
        assertThat(sent.getBodyAsString()).isEqualTo(golden.strip());
        assertThat(sent.getHeader("Content-Length")).isEqualTo(String.valueOf(sent.getBody().length));
    }

    @Test
    void retriedRequestWithTheSameIdempotencyKeyGetsTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = Contract.exampleRequest();

        String first = Requests.conforming().header("Idempotency-Key", key).body(Contract.json(body))
                .when().post(Requests.PATH).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        String second = Requests.conforming().header("Idempotency-Key", key).body(Contract.json(body))
                .when().post(Requests.PATH).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void aRetryThatReusesItsRequestIdIsStillMarkedReplayed() {
        String key = UUID.randomUUID().toString();
        String requestId = "retry-" + UUID.randomUUID();
        for (String replayed : new String[] { null, "true" }) {
            Requests.conforming().header("Idempotency-Key", key).header("X-Request-Id", requestId)
                    .body(Contract.json(Contract.exampleRequest()))
                    .when().post(Requests.PATH).then().statusCode(201)
                    .header("Idempotent-Replayed", replayed == null ? nullValue() : equalTo(replayed));
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWaitForTheFirstAndCreateOneSession() throws Exception {
        vendor.stubFor(VendorStubs.createSession().atPriority(1)
                .willReturn(VendorStubs.sessionCreated(VendorStubs.SESSION_ID).withFixedDelay(500)));
        String key = UUID.randomUUID().toString();

        var answers = com.esigngateway.testing.Parallel.run(6,
                () -> Requests.example().header("Idempotency-Key", key).post(Requests.PATH));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        assertThat(answers.stream().filter(answer -> "true".equals(answer.header("Idempotent-Replayed")))).hasSize(5);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = Contract.exampleRequest();
        Requests.conforming().header("Idempotency-Key", key).body(Contract.json(body))
                .when().post(Requests.PATH).then().statusCode(201);

        body.put("title", "Another agreement");
        Requests.conforming().header("Idempotency-Key", key).body(Contract.json(body))
                .when().post(Requests.PATH).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:idempotency-key-reused"));
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void generatesARequestIdWhenNoneOrAnUnsafeOneIsGiven() {
        String generated = Requests.create(Contract.exampleRequest()).statusCode(201)
                .extract().header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");

        String replaced = Requests.conforming().header("X-Request-Id", "bad id\twith spaces")
                .body(Contract.json(Contract.exampleRequest()))
                .when().post(Requests.PATH).then().statusCode(201).extract().header("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f-]{36}");
        vendor.verify(postRequestedFor(urlEqualTo("/rest/v1/sessions")).withHeader("X-Request-Id", WireMock.equalTo(replaced)));
    }
}
