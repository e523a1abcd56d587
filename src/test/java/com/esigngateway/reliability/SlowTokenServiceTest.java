package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * A token service that does not answer, on a gateway that holds no token: the caller gets its 504 when the request's
 * time limit ({@code esign.gateway.request-timeout}, 2 s here) runs out, not after the token calls' own limits and
 * retries (5 s three times), and nothing is sent to create a session. Its own profile gives it a fresh gateway;
 * {@code SlowTokenServiceIT} runs it against the packaged application.
 */
@QuarkusTest
@TestProfile(SlowVendorProfile.class)
@WithTestResource(VendorWireMock.class)
class SlowTokenServiceTest extends HealthyVendorTest {

    static final Duration REQUEST_TIMEOUT = SlowVendorProfile.REQUEST_TIMEOUT;
    /** Room for a loaded machine; without the request deadline the answer would come after about 15 s. */
    static final Duration SLACK = Duration.ofSeconds(3);

    @BeforeEach
    void coldGateway() {
        ColdGateway.reset();
    }

    /**
     * The shared token fetch goes on after the 504, for any other caller waiting for it: with the vendor answering
     * again, it ends (its next EncryptString, then GetToken) before the next test class, which shares this start.
     */
    @AfterEach
    void letTheTokenFetchEnd() {
        VendorStubs.healthy(vendor);
        await().atMost(Duration.ofSeconds(20)).until(() -> VendorStubs.tokenCalls(vendor) > 0);
    }

    @Test
    void aTokenServiceThatDoesNotAnswerIsA504WithinTheRequestTimeLimit() {
        vendor.stubFor(VendorStubs.encrypt().willReturn(VendorStubs.returnValue(VendorStubs.ENCRYPTED_KEY)
                .withFixedDelay(8_000)));
        Requests.warmUpWithoutTheVendor();
        long started = System.nanoTime();
        Requests.example().post(Requests.PATH).then().statusCode(504)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-timeout"))
                .body("detail", containsString("2000 ms"))
                .body("detail", containsString("CreateSession was not sent"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(REQUEST_TIMEOUT.minusMillis(100)).isLessThan(REQUEST_TIMEOUT.plus(SLACK));
        assertThat(VendorStubs.sessionCalls(vendor)).as("creations sent").isZero();
    }
}
