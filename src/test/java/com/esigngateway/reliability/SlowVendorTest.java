package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.esigngateway.testing.ColdGateway;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.SlowVendorProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A vendor that takes 800 ms for every call and a request time limit of 2 s, on a cold gateway (made cold in-process,
 * {@link com.esigngateway.testing.ColdGateway}; {@code SlowVendorIT} runs it against a packaged application of its own). Cold, the two token calls leave too
 * little of the 2 s for the creation: 504 when the 2 s are up, although each call is within its own limit. Warm,
 * the creation and the landing URL are fetched at the same time: 201.
 */
@QuarkusTest
@TestProfile(SlowVendorProfile.class)
@WithTestResource(VendorWireMock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlowVendorTest extends HealthyVendorTest {

    static final int LATENCY_MS = 800;

    private void everyCallTakes(int millis) {
        vendor.stubFor(VendorStubs.encrypt().willReturn(VendorStubs.returnValue(VendorStubs.ENCRYPTED_KEY).withFixedDelay(millis)));
        vendor.stubFor(VendorStubs.getToken().willReturn(VendorStubs.returnValue(VendorStubs.TOKEN).withFixedDelay(millis)));
        vendor.stubFor(VendorStubs.createSession().willReturn(VendorStubs.sessionCreated(VendorStubs.SESSION_ID).withFixedDelay(millis)));
        vendor.stubFor(VendorStubs.landingUrl().willReturn(VendorStubs.returnValue(VendorStubs.LANDING_URL).withFixedDelay(millis)));
    }

    @Test
    @Order(1)
    void coldTheTokenCallsLeaveTooLittleTimeAndTheAnswerIsA504AtTheLimit() {
        ColdGateway.reset(); // the second test then finds the token this one fetched
        everyCallTakes(LATENCY_MS);
        Requests.warmUpWithoutTheVendor();
        long started = System.nanoTime();
        Requests.example().post(Requests.PATH).then().statusCode(504)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-timeout"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // the 504 itself shows the deadline at work (each call is within its own limit); the bounds say it came when
        // the 2 s were up, with the same slack for a busy test machine as SlowTokenServiceTest
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_900)).isLessThan(Duration.ofSeconds(5));
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void warmTheCreationAndTheLandingUrlRunTogether() {
        everyCallTakes(LATENCY_MS);
        long started = System.nanoTime();
        Requests.example().post(Requests.PATH).then().statusCode(201).body("continueUrl", notNullValue());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
        assertThat(VendorStubs.landingCalls(vendor)).isEqualTo(1);
        assertThat(VendorStubs.tokenCalls(vendor)).as("the token of the first request is held").isZero();
        // one at a time would take two latencies
        assertThat(took).isLessThan(Duration.ofMillis(2L * LATENCY_MS));
    }
}
