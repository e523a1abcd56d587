package com.esigngateway.vendor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The session breaker opens on vendor outages only (5xx, timeouts, broken connections), answers 503
 * without touching the vendor while open, probes when its delay is over and closes on success.
 */
@QuarkusTest
@TestProfile(CreateSessionCircuitBreakerTest.SmallWindow.class)
@WithTestResource(VendorWireMock.class)
class CreateSessionCircuitBreakerTest {

    public static class SmallWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "esign.upstream.circuit-breaker.request-volume", "4",
                    "esign.upstream.circuit-breaker.failure-ratio", "0.5",
                    "esign.upstream.circuit-breaker.delay", "3s",
                    "esign.upstream.circuit-breaker.success-threshold", "1",
                    "esign.vendor.timeout", "300ms");
        }
    }

    @InjectVendor
    WireMockServer vendor;

    @BeforeEach
    void warm() {
        VendorStubs.healthy(vendor);
        CircuitBreakerMaintenance.get().resetAll();
        Requests.create(Contract.exampleRequest()).statusCode(201);
        CircuitBreakerMaintenance.get().resetAll();
        vendor.resetRequests();
    }

    @AfterEach
    void reset() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void serverErrorsOpenTheBreakerWhichAnswersFastWithoutTheVendorThenRecovers() {
        LogCapture logs = LogCapture.install();
        try {
            failWith(aResponse().withStatus(500), 502);
            assertThat(state()).isEqualTo(CircuitBreakerState.OPEN);

            // While open, answers are 503 without a vendor call. On a loaded machine the delay may pass
            // meanwhile: then one probe reaches the (still failing) vendor, answers 502 and reopens it.
            int answered503 = 0;
            int probes = 0;
            for (int i = 0; i < 5; i++) {
                var answer = Requests.create(Contract.exampleRequest()).extract();
                if (answer.statusCode() == 503) {
                    answered503++;
                    assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:esign-gateway:problem:circuit-open");
                    assertThat(answer.header("Retry-After")).isEqualTo("3");
                } else {
                    assertThat(answer.statusCode()).isEqualTo(502);
                    probes++;
                }
            }
            assertThat(answered503).isPositive();
            assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(4 + probes);
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'vendor' }.data.'circuit-breaker.vendor-create-session'", equalTo("OPEN"));
            given().get("/q/health/ready").then().statusCode(200);

            VendorStubs.healthy(vendor);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    Requests.create(Contract.exampleRequest()).statusCode(201));
            assertThat(state()).isEqualTo(CircuitBreakerState.CLOSED);
            given().get("/q/health/well").then().statusCode(200);

            // once when it opened, and once more for each probe that found the vendor still failing
            assertThat(logs.lines()).filteredOn(line -> line.contains("Circuit breaker vendor-create-session opened"))
                    .hasSize(1 + probes);
            assertThat(logs.lines()).filteredOn(line -> line.contains("Circuit breaker vendor-create-session closed"))
                    .hasSize(1);
        } finally {
            logs.uninstall();
        }
    }

    @Test
    void timeoutsCountAsFailures() {
        failWith(VendorStubs.sessionCreated(VendorStubs.SESSION_ID).withFixedDelay(1000), 504);
        assertThat(state()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void brokenConnectionsCountAsFailures() {
        failWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 502);
        assertThat(state()).isEqualTo(CircuitBreakerState.OPEN);
    }

    @Test
    void contentErrorsAndOther4xxNeverOpenIt() {
        vendor.stubFor(VendorStubs.createSession().atPriority(1).willReturn(VendorStubs.error("Error: Username not found.")));
        for (int i = 0; i < 10; i++) {
            Requests.create(Contract.exampleRequest()).statusCode(422);
        }
        vendor.stubFor(VendorStubs.createSession().atPriority(1).willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 5; i++) {
            Requests.create(Contract.exampleRequest()).statusCode(502);
        }
        assertThat(state()).isEqualTo(CircuitBreakerState.CLOSED);
        VendorStubs.healthy(vendor);
        Requests.create(Contract.exampleRequest()).statusCode(201);
    }

    private void failWith(ResponseDefinitionBuilder failure, int status) {
        vendor.stubFor(VendorStubs.createSession().atPriority(1).willReturn(failure));
        for (int i = 0; i < 4; i++) {
            Requests.create(Contract.exampleRequest()).statusCode(status);
        }
    }

    private static CircuitBreakerState state() {
        return CircuitBreakerMaintenance.get().currentState(VendorGateway.UPLOADS_BREAKER);
    }
}
