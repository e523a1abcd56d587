package com.esigngateway.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.RedisServer;
import com.esigngateway.testing.Replicas;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.restassured.response.Response;

/**
 * One vendor token for two replicas: 200 concurrent callers over both, in waves across three token TTLs, and the
 * vendor issues one token per reuse period (TTL minus the refresh skew) between them, never two within one; the
 * second replica's first calls use the token the first one fetched. Each replica fetching its own would double that.
 */
class SharedTokenIT {

    static final long TTL_MS = 4_000;
    static final long SKEW_MS = 500;
    static final int CALLERS = 200;

    @Test
    void twoHundredCallersOverBothReplicasShareOneTokenPerTtl() throws Exception {
        try (RedisServer redis = RedisServer.started();
                Replicas replicas = Replicas.start(2, redis, Map.of("ESIGN_VENDOR_TOKEN_TTL", TTL_MS + "ms",
                        "ESIGN_VENDOR_TOKEN_REFRESH_SKEW", SKEW_MS + "ms",
                        "ESIGN_UPSTREAM_RATE_LIMIT_REQUESTS", "100000"))) {
            WireMockServer vendor = replicas.vendorStub();
            vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
            String path = Requests.PATH + "/" + VendorStubs.SESSION_ID;
            List<Callable<Response>> wave = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                Replicas.Gateway replica = replicas.get(i % 2);
                wave.add(() -> replica.raw().get(path));
            }

            long started = System.nanoTime();
            // a few calls one by one on each replica first: on two shared cores a cold JVM hit by 100 callers at once
            // can take longer than quarkus.redis.timeout to handle a Redis answer, and then rightly fetches its own
            for (int i = 0; i < 10; i++) {
                replicas.get(i % 2).raw().get(path).then().statusCode(200);
            }
            assertThat(VendorStubs.tokenCalls(vendor)).as("tokens for both replicas' first calls").isEqualTo(1);

            long runMs = 3 * TTL_MS;
            int waves = 0;
            while (System.nanoTime() - started < runMs * 1_000_000) {
                List<Response> answers = Parallel.runEach(wave);
                assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200));
                waves++;
            }
            long ranMs = (System.nanoTime() - started) / 1_000_000;
            // a token is reused for TTL - skew, then its successor is fetched ahead while it is still trusted
            long expected = 1 + ranMs / (TTL_MS - SKEW_MS);
            assertThat(VendorStubs.tokenCalls(vendor)).as("tokens for %d waves of %d callers in %d ms", waves, CALLERS, ranMs)
                    .isBetween(2, (int) expected);
            List<Long> issued = vendor.getAllServeEvents().stream()
                    .filter(event -> event.getRequest().getUrl().startsWith("/rest/v1/gettoken/"))
                    .map(event -> event.getRequest().getLoggedDate().getTime()).sorted().toList();
            for (int i = 1; i < issued.size(); i++) {
                assertThat(issued.get(i) - issued.get(i - 1)).as("ms between token %d and %d", i, i + 1)
                        .isGreaterThanOrEqualTo(TTL_MS - SKEW_MS - 100);
            }
        }
    }
}
