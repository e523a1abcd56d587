package com.esigngateway.state.redis;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.RedisServer;
import com.esigngateway.testing.Replicas;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.restassured.response.Response;

/**
 * Two packaged gateways sharing one Redis and one vendor stub: an {@code Idempotency-Key} means the same on both.
 * Sent concurrently to both replicas, 20 times, it makes exactly one session, and every answer is the same, byte for
 * byte; a creation that timed out on one replica is found by its {@code transactionId} when retried on the other,
 * not created again; what Redis holds of an answer is encrypted.
 */
class SharedIdempotencyIT {

    private static RedisServer redis;
    private static Replicas replicas;
    private static WireMockServer vendor;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.started();
        replicas = Replicas.start(2, redis, Map.of("ESIGN_VENDOR_TIMEOUT", "1s",
                "ESIGN_UPSTREAM_CIRCUIT_BREAKER_REQUEST_VOLUME", "1000"));
        vendor = replicas.vendorStub();
    }

    @AfterAll
    static void stop() throws Exception {
        Replicas.stop(replicas, redis);
    }

    @BeforeEach
    void healthyVendor() {
        VendorStubs.healthy(vendor);
    }

    @Test
    void theSameKeySentConcurrentlyToBothReplicasCreatesOneSession() throws Exception {
        vendor.stubFor(VendorStubs.createSession().atPriority(1)
                .willReturn(VendorStubs.sessionCreated(VendorStubs.SESSION_ID).withFixedDelay(600)));
        String key = UUID.randomUUID().toString();
        String body = Contract.json(Contract.exampleRequest());
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Replicas.Gateway replica = replicas.get(i % 2);
            calls.add(() -> replica.conforming().header("Idempotency-Key", key).body(body).post(Requests.PATH));
        }
        List<Response> answers = Parallel.runEach(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201));
        assertThat(answers.stream().map(Response::asString).distinct()).as("distinct answer bodies").hasSize(1);
        assertThat(answers.stream().filter(answer -> "true".equals(answer.header("Idempotent-Replayed")))).hasSize(19);
        assertThat(VendorStubs.sessionCalls(vendor)).as("sessions the vendor created").isEqualTo(1);

        // and later, on either replica, the same again
        for (Replicas.Gateway replica : replicas.all()) {
            String again = replica.conforming().header("Idempotency-Key", key).body(body).post(Requests.PATH).then()
                    .statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
            assertThat(again).isEqualTo(answers.get(0).asString());
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void aCreationThatTimedOutOnOneReplicaIsFoundByTheOtherNotCreatedAgain() {
        warm();
        vendor.stubFor(VendorStubs.createSession().atPriority(1)
                .willReturn(VendorStubs.sessionCreated(VendorStubs.SESSION_ID).withFixedDelay(2_500)));
        String key = UUID.randomUUID().toString();
        String body = Contract.json(Contract.exampleRequest());
        replicas.get(0).conforming().header("Idempotency-Key", key).body(body).post(Requests.PATH).then()
                .statusCode(504).body("type", equalTo("urn:esign-gateway:problem:vendor-timeout"));

        vendor.stubFor(get(urlPathMatching("/rest/v1/sessions/lite/.*")).willReturn(VendorStubs.json(
                "{\"Sessions\":[{\"SigningSessionId\":\"" + VendorStubs.SESSION_ID
                        + "\",\"Title\":\"Purchase agreement - 12 Elm Street\",\"TransactionId\":\"TX-2026-0042\"}]}")));
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        replicas.get(1).conforming().header("Idempotency-Key", key).body(body).post(Requests.PATH).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(VendorStubs.SESSION_ID));
        replicas.get(0).conforming().header("Idempotency-Key", key).body(body).post(Requests.PATH).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(VendorStubs.SESSION_ID));

        assertThat(VendorStubs.sessionCalls(vendor)).as("CreateSession calls").isEqualTo(1);
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathMatching("/rest/v1/sessions/lite/.*"))))
                .as("lookups by transaction id").isEqualTo(1);
    }

    @Test
    void redisHoldsNeitherTheKeyNorTheAnswerInTheClear() throws Exception {
        String key = "visible-" + UUID.randomUUID();
        replicas.get(0).conforming().header("Idempotency-Key", key).body(Contract.json(Contract.exampleRequest()))
                .post(Requests.PATH).then().statusCode(201);
        StringBuilder everything = new StringBuilder();
        for (String stored : redis.keys()) {
            everything.append(stored).append('\n');
            if (stored.contains(":idempotency:") || stored.endsWith(":token")) {
                everything.append(redis.command("HGETALL", stored)).append('\n');
            }
        }
        assertThat(everything.toString()).contains(":idempotency:")
                .doesNotContain(key).doesNotContain("seller@example.com").doesNotContain("Purchase agreement")
                .doesNotContain(VendorStubs.TOKEN).doesNotContain(VendorStubs.SESSION_ID);
    }

    /** Both replicas hold a token and the landing URL: a creation is the only vendor call left. */
    private static void warm() {
        for (Replicas.Gateway replica : replicas.all()) {
            replica.conforming().body(Contract.json(Contract.exampleRequest())).post(Requests.PATH).then().statusCode(201);
        }
        vendor.resetRequests();
    }
}
