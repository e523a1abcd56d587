package com.esigngateway.reliability;

import java.util.Map;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The binding fuzz against the packaged application, with the upstream rate limit out of the way as in tests. */
@QuarkusIntegrationTest
@TestProfile(RequestBindingFuzzIT.NoUpstreamLimit.class)
class RequestBindingFuzzIT extends RequestBindingFuzzTest {

    public static class NoUpstreamLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("esign.upstream.rate-limit.requests", "100000");
        }
    }
}
