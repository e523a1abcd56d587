package com.esigngateway.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The production defaults of the upstream limits and the vendor time limit, which the test profile changes for every
 * other test (25 calls per second, 8 upload slots, 30 s): {@code vendor/UpstreamBurstTest} measures bursts against
 * them, {@code reliability/CallerGoneTest} needs a vendor time limit far beyond its 10 s vendor, so that only the
 * caller's hang-up can free the slot in time. Set here as well, so that the packaged application has them in any case.
 */
public class ProductionLimitsProfile implements QuarkusTestProfile {

    /** {@code esign.upstream.rate-limit.requests} here (per second). */
    public static final int RATE_LIMIT = 25;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("esign.upstream.rate-limit.requests", String.valueOf(RATE_LIMIT),
                "esign.upstream.max-concurrent", "8",
                "esign.vendor.timeout", "30s");
    }
}
