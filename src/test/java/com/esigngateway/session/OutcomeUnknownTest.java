package com.esigngateway.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VariantsProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * A creation whose outcome is unknown — it reached the vendor, then the vendor took longer than
 * {@code esign.vendor.timeout} (2 s in tests), broke the connection or answered 5xx — is never run again under its
 * {@code Idempotency-Key}: its retry is answered with the session found by {@code transactionId} and title
 * (GetSessionsLiteByTransactionId), or with 409 {@code outcome-unknown}; the vendor sees one CreateSession either way.
 * A failure the vendor did not act on still frees the key. {@code OutcomeUnknownIT} runs it against the packaged
 * application.
 */
@QuarkusTest
@TestProfile(VariantsProfile.class)
@WithTestResource(VendorWireMock.class)
class OutcomeUnknownTest extends HealthyVendorTest {

    static final String LIST = "/rest/v1/sessions/lite/.*";
    static final String TITLE = "Purchase agreement - 12 Elm Street";

    @Test
    void aTimedOutCreationIsFoundByItsTransactionIdAndNotCreatedAgain() {
        tokenHeld();
        vendor.stubFor(VendorStubs.createSession().willReturn(VendorStubs.sessionCreated(VendorStubs.SESSION_ID)
                .withFixedDelay(3_000)));
        String key = UUID.randomUUID().toString();
        create(key, Contract.exampleRequest()).statusCode(504)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-timeout"));

        vendor.stubFor(list().willReturn(VendorStubs.json("{\"Sessions\":[{\"SigningSessionId\":\"" + VendorStubs.SESSION_ID
                + "\",\"Title\":\"" + TITLE + "\",\"TransactionId\":\"TX-2026-0042\",\"StatusCode\":2}],\"TotalCount\":1}")));
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));

        create(key, Contract.exampleRequest()).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", "/v1/signing-sessions/" + VendorStubs.SESSION_ID)
                .body("id", equalTo(VendorStubs.SESSION_ID))
                .body("transactionId", equalTo("TX-2026-0042"))
                .body("signers[0].id", equalTo(VendorStubs.SELLER_ID))
                .body("continueUrl", startsWith(VendorStubs.LANDING_URL));
        // found once, then kept: the next retry is a plain replay
        create(key, Contract.exampleRequest()).statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(VendorStubs.SESSION_ID));

        assertThat(VendorStubs.sessionCalls(vendor)).as("CreateSession calls").isEqualTo(1);
        assertThat(listCalls()).as("lookups by transaction id").isEqualTo(1);
    }

    @Test
    void withoutATransactionIdTheRetryIsAConflictAndNothingIsCreated() {
        tokenHeld();
        vendor.stubFor(VendorStubs.createSession().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ObjectNode body = Contract.exampleRequest();
        body.remove("transactionId");
        String key = UUID.randomUUID().toString();
        create(key, body).statusCode(502);

        VendorStubs.healthy(vendor);
        for (int retry = 0; retry < 2; retry++) {
            create(key, body).statusCode(409).contentType("application/problem+json")
                    .header("Idempotent-Replayed", nullValue())
                    .body("type", equalTo("urn:esign-gateway:problem:outcome-unknown"))
                    .body("detail", org.hamcrest.Matchers.containsString("transactionId"));
        }
        assertThat(VendorStubs.sessionCalls(vendor)).as("CreateSession calls after the broken one").isZero();
        assertThat(listCalls()).isZero();
    }

    @Test
    void aSessionTheVendorDoesNotListIsAConflictUntilItDoes() {
        tokenHeld();
        vendor.stubFor(VendorStubs.createSession().willReturn(aResponse().withStatus(500)));
        String key = UUID.randomUUID().toString();
        create(key, Contract.exampleRequest()).statusCode(502);

        vendor.stubFor(list().willReturn(VendorStubs.json("{\"Sessions\":[],\"TotalCount\":0}")));
        create(key, Contract.exampleRequest()).statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:outcome-unknown"));
        // a session with the same transaction id but another title is not this request's
        vendor.stubFor(list().willReturn(VendorStubs.json("{\"Sessions\":[{\"SigningSessionId\":\"other\","
                + "\"Title\":\"Another agreement\",\"TransactionId\":\"TX-2026-0042\"}]}")));
        create(key, Contract.exampleRequest()).statusCode(409);

        vendor.stubFor(list().willReturn(VendorStubs.json("{\"Sessions\":[{\"SigningSessionId\":\"other\","
                + "\"Title\":\"Another agreement\"},{\"SigningSessionId\":\"" + VendorStubs.SESSION_ID + "\",\"Title\":\""
                + TITLE + "\"}]}")));
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        create(key, Contract.exampleRequest()).statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(VendorStubs.SESSION_ID));

        assertThat(VendorStubs.sessionCalls(vendor)).as("CreateSession calls").isEqualTo(1);
    }

    @Test
    void anotherBodyWithTheKeyOfAnUnknownOutcomeIsRefused() {
        tokenHeld();
        vendor.stubFor(VendorStubs.createSession().willReturn(aResponse().withStatus(503)));
        String key = UUID.randomUUID().toString();
        create(key, Contract.exampleRequest()).statusCode(502);

        ObjectNode other = Contract.exampleRequest();
        other.put("title", "Another agreement");
        create(key, other).statusCode(422).body("type", equalTo("urn:esign-gateway:problem:idempotency-key-reused"));
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void aFailureTheVendorDidNotActOnFreesTheKey() {
        tokenHeld();
        vendor.stubFor(VendorStubs.createSession().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        String key = UUID.randomUUID().toString();
        create(key, Contract.exampleRequest()).statusCode(503)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-unavailable"));

        VendorStubs.healthy(vendor);
        create(key, Contract.exampleRequest()).statusCode(201).header("Idempotent-Replayed", nullValue());
        assertThat(VendorStubs.sessionCalls(vendor)).as("the retry's own CreateSession").isEqualTo(1);
        assertThat(listCalls()).isZero();
    }

    /** One creation first, so that a token is held and the landing URL known. */
    private void tokenHeld() {
        Requests.example().post(Requests.PATH).then().statusCode(201);
        vendor.resetRequests();
    }

    private static ValidatableResponse create(String key, ObjectNode body) {
        return Requests.conforming().header("Idempotency-Key", key).body(Contract.json(body)).post(Requests.PATH).then();
    }

    private static MappingBuilder list() {
        return get(urlPathMatching(LIST));
    }

    private int listCalls() {
        return VendorStubs.count(vendor, getRequestedFor(urlPathMatching(LIST)));
    }
}
