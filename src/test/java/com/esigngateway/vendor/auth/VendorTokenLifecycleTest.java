package com.esigngateway.vendor.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.esigngateway.testing.ColdGateway;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.MutableClock;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The token lifecycle, shown by counting the calls the vendor receives: reuse until the TTL minus the skew, one
 * replacement after a refusal, failed acquisitions not kept, a breaker for the token service (its delay: 3 s in the test
 * profile). The class starts on a cold gateway ({@link com.esigngateway.testing.ColdGateway}). (Concurrent callers on a cold gateway: {@link ColdGatewayTest}.)
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VendorTokenLifecycleTest {

    @InjectVendor
    WireMockServer vendor;

    /** Shared by the tests of this class, so that time only moves forward. */
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    /** Cold once for the class, as a start of its own left it (the tests go on from each other's state). */
    @BeforeAll
    static void coldGateway() {
        ColdGateway.reset();
    }

    @BeforeEach
    void setUp() {
        VendorStubs.healthy(vendor);
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @AfterEach
    void closeBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    @Order(2)
    void aTokenIsReusedUntilItsTtlMinusTheSkewThenRefreshedOnce() {
        tokensInTurn("TOKEN-A", "TOKEN-B");
        clock.advance(Duration.ofHours(1)); // whatever the earlier tests left is stale now
        create();
        int fetched = VendorStubs.tokenCalls(vendor);
        assertThat(fetched).isEqualTo(1);

        clock.advance(Duration.ofSeconds(49)); // 60 s TTL - 10 s skew = 50 s of use
        create();
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        create();
        create();
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(2);
        assertThat(authorizations()).containsExactly("TOKEN-A", "TOKEN-A", "TOKEN-B", "TOKEN-B");
        assertThat(VendorStubs.encryptCalls(vendor)).isEqualTo(1); // fetched once, then cached
    }

    @Test
    @Order(3)
    void aRejectedTokenIsReplacedOnceAndTheCallRetriedOnce() {
        tokensInTurn("TOKEN-OLD", "TOKEN-NEW");
        clock.advance(Duration.ofHours(1));
        create();
        vendor.resetRequests();
        vendor.stubFor(VendorStubs.createSession().withHeader("Authorization", WireMock.equalTo("TOKEN-OLD"))
                .atPriority(1).willReturn(VendorStubs.error("Error: Invalid token")));

        create();

        assertThat(authorizations()).containsExactly("TOKEN-OLD", "TOKEN-NEW");
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void anExpiredTokenAnsweredWithANullResultIsReplacedToo() {
        tokensInTurn("TOKEN-OLD", "TOKEN-NEW");
        clock.advance(Duration.ofHours(1));
        create();
        vendor.resetRequests();
        vendor.stubFor(VendorStubs.createSession().withHeader("Authorization", WireMock.equalTo("TOKEN-OLD"))
                .atPriority(1).willReturn(VendorStubs.json("null")));

        create();

        assertThat(authorizations()).containsExactly("TOKEN-OLD", "TOKEN-NEW");
    }

    @Test
    @Order(5)
    void aSecondRejectionIsAnErrorNotALoop() {
        clock.advance(Duration.ofHours(1));
        vendor.stubFor(VendorStubs.createSession().atPriority(1)
                .willReturn(VendorStubs.error("Error: Bad Token Information. Please authenticate.")));

        Requests.create(Contract.exampleRequest()).statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:vendor-error"))
                .body("detail", equalTo("The vendor rejected a freshly issued token (Error: Bad Token Information. Please authenticate.)."));

        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(2);
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(2); // the stale one, then the fresh one
    }

    @Test
    @Order(6)
    void aFailedAcquisitionIsNotKept() {
        clock.advance(Duration.ofHours(1));
        vendor.stubFor(VendorStubs.getToken().inScenario("down").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("1"));
        vendor.stubFor(VendorStubs.getToken().inScenario("down").whenScenarioStateIs("1")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("2"));
        vendor.stubFor(VendorStubs.getToken().inScenario("down").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        vendor.stubFor(VendorStubs.getToken().inScenario("down").whenScenarioStateIs("up")
                .willReturn(VendorStubs.returnValue("TOKEN-AFTER")));

        Requests.create(Contract.exampleRequest()).statusCode(503)
                .header("Retry-After", "5")
                .body("type", equalTo("urn:esign-gateway:problem:vendor-unavailable"));
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(3); // one call and two retries
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();

        create();
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(4);
        assertThat(authorizations()).containsExactly("TOKEN-AFTER");
    }

    @Test
    @Order(7)
    void aDownTokenServiceOpensItsBreakerAndCallersGet503WithoutTouchingTheVendor() {
        clock.advance(Duration.ofHours(1));
        vendor.stubFor(VendorStubs.getToken().atPriority(1).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        Requests.create(Contract.exampleRequest()).statusCode(503); // 3 failed calls
        Requests.create(Contract.exampleRequest()).statusCode(503); // the 4th fills the window: open
        int callsWhenOpen = VendorStubs.tokenCalls(vendor);

        // While open: 503 without a token call. If the delay passes meanwhile (a loaded machine), one
        // probe per opening reaches the still failing service, plus its retries.
        int openAnswers = 0;
        for (int i = 0; i < 5; i++) {
            var answer = Requests.create(Contract.exampleRequest()).statusCode(503).extract();
            if ("urn:esign-gateway:problem:circuit-open".equals(answer.jsonPath().getString("type"))) {
                openAnswers++;
                assertThat(answer.header("Retry-After")).isEqualTo("3");
            }
        }
        assertThat(openAnswers).isPositive();
        assertThat(VendorStubs.tokenCalls(vendor) - callsWhenOpen).isLessThanOrEqualTo(5 - openAnswers);
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();

        // The token service comes back: after the breaker's delay a probe goes through and it closes.
        VendorStubs.healthy(vendor);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(this::create);
        assertThat(CircuitBreakerMaintenance.get().currentState(TokenCalls.BREAKER).name()).isEqualTo("CLOSED");
    }

    private void create() {
        Requests.create(Contract.exampleRequest()).statusCode(201);
    }

    private void tokensInTurn(String first, String second) {
        vendor.stubFor(VendorStubs.getToken().inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(VendorStubs.returnValue(first)).willSetStateTo("second"));
        vendor.stubFor(VendorStubs.getToken().inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(VendorStubs.returnValue(second)));
    }

    private List<String> authorizations() {
        return vendor.findAll(postRequestedFor(urlPathEqualTo(VendorStubs.SESSIONS))).stream()
                .map(request -> request.getHeader("Authorization")).toList();
    }
}
