package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A token service that does not answer, on a gateway that holds no token: the caller gets its 504 when the request's
 * time limit ({@code esign.gateway.request-timeout}, 2 s here) runs out, not after the token calls' own limits and
 * retries (5 s three times), and nothing is sent to create a session. Its own profile gives it a fresh gateway;
 * {@code SlowTokenServiceIT} runs it against the packaged application.
 */
@QuarkusTest
@TestProfile(SlowTokenServiceTest.TwoSeconds.class)
@WithTestResource(VendorWireMock.class)
class SlowTokenServiceTest extends HealthyVendorTest {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** Room for a loaded machine; without the request deadline the answer would come after about 15 s. */
    static final Duration SLACK = Duration.ofSeconds(3);

    public static class TwoSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("esign.gateway.request-timeout", "2s", "esign.vendor.token.timeout", "5s",
                    "esign.vendor.token.retry.max-retries", "2");
        }
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
