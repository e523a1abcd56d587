package com.esigngateway.vendor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Every kind of vendor answer to CreateSession, classified: content problems become 422
 * with the vendor's words, failures 502/503/504, and a creation that may have reached the vendor is
 * never sent twice.
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class VendorAnswerHandlingTest extends HealthyVendorTest {

    @Inject
    @CacheName("vendor-landing-url")
    Cache landingUrls;

    @AfterEach
    void closeBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void errorTextWithHttp200IsAContentProblemWithTheVendorsWords() {
        answer(VendorStubs.error("Error: Username not found.")).statusCode(422)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-rejected"))
                .body("detail", equalTo("Error: Username not found."));
    }

    @Test
    void errorTextAsPlainTextIsAContentProblem() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody("Error: purchase-agreement.pdf did not upload.")).statusCode(422)
                .body("detail", equalTo("Error: purchase-agreement.pdf did not upload."));
    }

    @Test
    void errorTextInsideARequestResponseIsAContentProblem() {
        answer(VendorStubs.json("{\"ReturnValue\":null,\"Details\":[\"Error: All signers must have a last name and valid email address.\"]}"))
                .statusCode(422)
                .body("detail", equalTo("Error: All signers must have a last name and valid email address."));
    }

    @Test
    void anErrorWithAnHttpErrorStatusIsStillAContentProblem() {
        answer(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("\"Error: Role Buyer 1 is already assigned to signer buyer@example.com.\"")).statusCode(422)
                .body("detail", equalTo("Error: Role Buyer 1 is already assigned to signer buyer@example.com."));
    }

    @Test
    void aVeryLongVendorMessageIsCut() {
        answer(VendorStubs.error("Error: " + "x".repeat(2000))).statusCode(422)
                .body("detail.length()", equalTo(501));
    }

    @Test
    void vendorServerErrorIs502() {
        answer(aResponse().withStatus(500).withBody("<html>boom</html>")).statusCode(502)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-error"))
                .body("detail", equalTo("The vendor's CreateSession answered HTTP 500."));
    }

    @Test
    void unreadableAnswerIs502() {
        answer(VendorStubs.json("{\"SigningSess")).statusCode(502)
                .body("detail", equalTo("The vendor's CreateSession answer is not JSON."));
    }

    @Test
    void answerWithoutASessionIdIs502() {
        answer(VendorStubs.json("{\"Sessions\":[]}")).statusCode(502)
                .body("detail", equalTo("The vendor's CreateSession answer has no SigningSessionId."));
    }

    @Test
    void connectionResetIs502() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).statusCode(502)
                .body("detail", equalTo("The connection to the vendor broke during the call."));
    }

    @Test
    void emptyResponseIs502() {
        answer(aResponse().withFault(Fault.EMPTY_RESPONSE)).statusCode(502);
    }

    @Test
    void vendorSlowerThanTheTimeoutIs504WithinTheBound() {
        long started = System.nanoTime();
        answer(VendorStubs.sessionCreated(VendorStubs.SESSION_ID).withFixedDelay(4000)).statusCode(504)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-timeout"))
                .body("detail", equalTo("The vendor did not answer within 2000 ms."));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_200 + 1_000);
    }

    @Test
    void vendorThrottlingIs503WithItsRetryAfter() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "7")).statusCode(503)
                .header("Retry-After", "7")
                .body("type", equalTo("urn:esign-gateway:problem:vendor-unavailable"));
    }

    @Test
    void aMissingEndpointPointsAtTheConfiguration() {
        answer(aResponse().withStatus(404)).statusCode(502)
                .body("detail", equalTo("The vendor has no CreateSession endpoint at the configured address (HTTP 404); check ESIGN_VENDOR_URL."));
    }

    @Test
    void aCreationThatFailedIsNeverSentTwice() {
        answer(aResponse().withStatus(503)).statusCode(502);
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).statusCode(502);
        answer(VendorStubs.sessionCreated(VendorStubs.SESSION_ID).withFixedDelay(4000)).statusCode(504);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(3);
    }

    @Test
    void whenTheLandingUrlCannotBeHadTheSessionIsStillReturned() {
        landingUrls.invalidateAll().await().indefinitely();
        vendor.stubFor(VendorStubs.landingUrl().atPriority(1).willReturn(aResponse().withStatus(500)));

        Requests.create(Contract.exampleRequest()).statusCode(201)
                .body("id", equalTo(VendorStubs.SESSION_ID))
                .body("$", not(hasKey("continueUrl")));

        landingUrls.invalidateAll().await().indefinitely();
    }

    @Test
    void theLandingUrlIsFetchedOnceAndKept() {
        landingUrls.invalidateAll().await().indefinitely();
        Requests.create(Contract.exampleRequest()).statusCode(201);
        Requests.create(Contract.exampleRequest()).statusCode(201);
        assertThat(VendorStubs.landingCalls(vendor)).isEqualTo(1);
    }

    private ValidatableResponse answer(ResponseDefinitionBuilder answer) {
        vendor.stubFor(VendorStubs.createSession().atPriority(1).willReturn(answer));
        return Requests.create(Contract.exampleRequest())
                .contentType("application/problem+json")
                .time(lessThan(30_000L));
    }
}
