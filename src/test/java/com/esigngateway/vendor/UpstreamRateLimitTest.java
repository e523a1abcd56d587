package com.esigngateway.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** A burst of twice the upstream limit: exactly the limit reaches the vendor, the rest get 429. */
@QuarkusTest
@TestProfile(UpstreamRateLimitTest.FivePerMinute.class)
@WithTestResource(VendorWireMock.class)
class UpstreamRateLimitTest {

    static final int LIMIT = 5;

    public static class FivePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("esign.upstream.rate-limit.requests", String.valueOf(LIMIT),
                    "esign.upstream.rate-limit.window", "60s");
        }
    }

    @InjectVendor
    WireMockServer vendor;

    @Test
    void aBurstOfTwiceTheLimitSendsExactlyTheLimitToTheVendor() throws Exception {
        VendorStubs.healthy(vendor);

        List<Response> answers = Parallel.run(2 * LIMIT, Parallel::createExample);

        List<Response> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
        List<Response> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(created).hasSize(LIMIT);
        assertThat(limited).hasSize(LIMIT);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(LIMIT);
        for (Response answer : limited) {
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:esign-gateway:problem:rate-limited");
            long retryAfter = Long.parseLong(answer.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 61L); // the window and its safety margin, rounded up
            assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"upstream\";q=5;w=60");
            assertThat(answer.header("RateLimit")).isEqualTo("\"upstream\";r=0;t=" + retryAfter);
        }
    }
}
