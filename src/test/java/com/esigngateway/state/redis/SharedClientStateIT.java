package com.esigngateway.state.redis;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.esigngateway.security.ApiKeyIdentityProvider;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.RedisServer;
import com.esigngateway.testing.Replicas;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.restassured.specification.RequestSpecification;

/**
 * Two packaged gateways on one Redis: the record of who created a session for whom is shared, so the object-level
 * check holds on the replica that did not create the session even when the vendor's GetSession names no owner; what
 * Redis holds of it is encrypted. A client's share of the rate limit holds for both replicas together.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedClientStateIT {

    static final String HR_KEY = "hr-key-1d2e";
    static final String CRM_KEY = "crm-key-3f4a";
    static final String BATCH_KEY = "batch-key-8e9f";
    static final String CREATED = "5d5d5d5d-6e6e-4f4f-8a8a-9b9b9b9b9b9b";

    private static RedisServer redis;
    private static Replicas replicas;
    private static WireMockServer vendor;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.started();
        replicas = Replicas.start(2, redis, Map.of(
                "ESIGN_GATEWAY_CLIENTS_HR_KEY_SHA256", ApiKeyIdentityProvider.hashOf(HR_KEY),
                "ESIGN_GATEWAY_CLIENTS_HR_OWNERS", "*@hr.example",
                "ESIGN_GATEWAY_CLIENTS_CRM_KEY_SHA256", ApiKeyIdentityProvider.hashOf(CRM_KEY),
                "ESIGN_GATEWAY_CLIENTS_CRM_OWNERS", "agent@example.com",
                "ESIGN_GATEWAY_CLIENTS_BATCH_KEY_SHA256", ApiKeyIdentityProvider.hashOf(BATCH_KEY),
                "ESIGN_GATEWAY_CLIENTS_BATCH_OWNERS", "agent@example.com",
                "ESIGN_GATEWAY_CLIENTS_BATCH_RATE_LIMIT_REQUESTS", "4",
                "ESIGN_GATEWAY_CLIENTS_BATCH_RATE_LIMIT_WINDOW", "1m"));
        vendor = replicas.vendorStub();
    }

    @AfterAll
    static void stop() throws Exception {
        Replicas.stop(replicas, redis);
    }

    @Test
    void theRecordMadeOnOneReplicaDecidesOnTheOther() throws Exception {
        VendorStubs.healthy(vendor);
        vendor.stubFor(VendorStubs.createSession().willReturn(VendorStubs.sessionCreated(CREATED)));
        vendor.stubFor(VendorStubs.getSession(CREATED).willReturn(VendorStubs.sessionDetails(CREATED, null)));
        var request = Contract.exampleRequest();
        request.put("owner", "clerk@hr.example");
        as(replicas.get(0), HR_KEY).body(Contract.json(request)).post(Requests.PATH).then().statusCode(201);

        as(replicas.get(1), HR_KEY).get(Requests.PATH + "/" + CREATED).then().statusCode(200);
        as(replicas.get(1), CRM_KEY).get(Requests.PATH + "/" + CREATED).then().statusCode(404)
                .body("type", equalTo("urn:esign-gateway:problem:session-not-found"));
        as(replicas.get(1), CRM_KEY).body("{}").post(Requests.PATH + "/" + CREATED + "/cancel").then().statusCode(404);
        assertThat(VendorStubs.count(vendor, putRequestedFor(urlPathMatching(".*/cancel")))).isZero();
        replicas.get(1).raw().get(Requests.PATH + "/" + CREATED).then().statusCode(200); // "tests" has *

        StringBuilder everything = new StringBuilder();
        for (String key : redis.keys()) {
            if (key.contains("session-owner")) {
                everything.append(redis.command("GET", key)).append('\n');
            }
        }
        assertThat(everything).as("the record is in Redis").isNotEmpty();
        assertThat(everything.toString()).doesNotContain("hr.example").doesNotContain("clerk").doesNotContain(CREATED);
    }

    /** A client's share of the rate limit is one share for both replicas, and other clients go on beside it. */
    @Test
    void aClientsShareHoldsAcrossReplicas() throws Exception {
        VendorStubs.healthy(vendor);
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(VendorStubs.SESSION_ID,
                "agent@example.com")));
        String path = Requests.PATH + "/" + VendorStubs.SESSION_ID;
        java.util.List<java.util.concurrent.Callable<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Replicas.Gateway replica = replicas.get(i % 2);
            calls.add(() -> as(replica, BATCH_KEY).get(path));
            calls.add(() -> as(replica, CRM_KEY).get(path));
        }
        java.util.List<io.restassured.response.Response> answers = com.esigngateway.testing.Parallel.runEach(calls);
        java.util.List<Integer> batch = new java.util.ArrayList<>();
        java.util.List<Integer> crm = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            (i % 2 == 0 ? batch : crm).add(answers.get(i).statusCode());
        }
        assertThat(crm).containsOnly(200);
        assertThat(batch.stream().filter(status -> status == 200)).as("batch's share for both replicas").hasSize(4);
        assertThat(batch.stream().filter(status -> status == 429)).hasSize(8);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 429))
                .allSatisfy(answer -> assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"client\";q=4;w=60"));
    }

    /**
     * While Redis is down a client's share falls back to this instance's part of it, as the global limit does: the share
     * of 4 a minute divided by {@code esign.state.redis.fallback-replicas} (4 by default) is one call, and the other
     * clients go on. Last: Redis stays down until the replicas stop.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void whileRedisIsDownAClientsShareIsThisInstancesPartOfIt() throws Exception {
        VendorStubs.healthy(vendor);
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(VendorStubs.SESSION_ID,
                "agent@example.com")));
        String path = Requests.PATH + "/" + VendorStubs.SESSION_ID;
        redis.stop();

        java.util.List<Integer> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            io.restassured.response.Response answer = as(replicas.get(0), BATCH_KEY).get(path);
            batch.add(answer.statusCode());
            if (answer.statusCode() == 429) {
                assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"client\";q=4;w=60");
            }
        }
        assertThat(batch).as("batch's calls on one replica while Redis is down").containsExactly(200, 429, 429, 429);
        as(replicas.get(0), CRM_KEY).get(path).then().statusCode(200);
    }

    private static RequestSpecification as(Replicas.Gateway replica, String key) {
        return io.restassured.RestAssured.given().baseUri("http://127.0.0.1").port(replica.port())
                .contentType("application/json").header("X-API-Key", key);
    }
}
