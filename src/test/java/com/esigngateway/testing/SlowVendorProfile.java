package com.esigngateway.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One start for the tests of a slow vendor on a cold gateway (each makes the gateway cold first: {@link ColdGateway}):
 * <ul>
 * <li>a request deadline of 2 s ({@code reliability/SlowVendorTest}, {@code SlowTokenServiceTest}), token calls that
 * may take longer than that (5 s, two retries);</li>
 * <li>the upstream rate limit out of the way, for the packaged application too, which runs the prod profile.</li>
 * </ul>
 * Their {@code *IT}s declare {@link FreshApp}: a packaged application cannot be made cold from outside.
 */
public class SlowVendorProfile implements QuarkusTestProfile {

    /** {@code esign.gateway.request-timeout} here. */
    public static final java.time.Duration REQUEST_TIMEOUT = java.time.Duration.ofSeconds(2);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "esign.gateway.request-timeout", REQUEST_TIMEOUT.toSeconds() + "s",
                "esign.vendor.token.timeout", "5s",
                "esign.vendor.token.retry.max-retries", "2",
                "esign.upstream.rate-limit.requests", "1000");
    }
}
