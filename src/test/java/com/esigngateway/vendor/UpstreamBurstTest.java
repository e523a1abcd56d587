package com.esigngateway.vendor;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.FreshApp;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.ProductionLimitsProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Bursts with the default upstream settings (25 calls per second, 8 upload slots, queues of 100, at most 5 s of
 * waiting for a place in the rate limit and 10 s for a slot) on a freshly started gateway (one of its own:
 * {@link com.esigngateway.testing.FreshApp}): a burst well within the quota is smoothed, not failed, and the vendor never
 * sees more than the limit in any second; a burst far beyond it is shed with a Retry-After, without a 500 and
 * without hanging. Runs against the packaged application too ({@code UpstreamBurstIT}).
 */
@QuarkusTest
@TestProfile(ProductionLimitsProfile.class)
@WithTestResource(value = FreshApp.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(VendorWireMock.class)
class UpstreamBurstTest extends HealthyVendorTest {

    static final int LIMIT = ProductionLimitsProfile.RATE_LIMIT;
    static final int WINDOW_MS = 1_000;

    @Test
    void burstsOfThirtyAndAHundredAreAllServedWithinTheLimit() throws Exception {
        for (int burst : new int[] {30, 100}) {
            vendor.resetRequests();
            List<Response> answers = Parallel.run(burst, Parallel::createExample);
            assertThat(answers).extracting(Response::statusCode).as("burst of %d", burst).containsOnly(201);
            assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(burst);
            assertThat(mostInAnyWindow(vendor.findAll(postRequestedFor(urlPathEqualTo(VendorStubs.SESSIONS)))))
                    .as("most session calls the vendor saw in any %d ms", WINDOW_MS).isLessThanOrEqualTo(LIMIT);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("esign_upstream_queue_seconds_count{queue=\"rate_limit\"}")
                .contains("esign_upstream_queue_seconds_max{queue=\"rate_limit\"}")
                .contains("esign_upstream_queue_waiting{queue=\"rate_limit\"}");
    }

    @Test
    void aBurstFarBeyondTheQuotaIsShedWithRetryAfterAndNothingHangs() throws Exception {
        vendor.resetRequests();
        List<Response> answers = Parallel.run(300, Parallel::createExample);

        // shed by the rate limit (429: its place was more than 5 s away) or by the upload slots (503: their queue
        // of 100 was full, or the wait for a slot passed 5 s)
        assertThat(answers).extracting(Response::statusCode).allMatch(status -> status == 201 || status == 429 || status == 503);
        List<Response> shed = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
        long served = answers.size() - shed.size();
        // at least the first window's places; at most those of the longest wait (10 s for a slot, then 5 s for a place)
        assertThat(served).isBetween((long) LIMIT, (long) LIMIT * (15_000 / 1_250 + 1));
        assertThat(shed).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            long retryAfter = Long.parseLong(answer.header("Retry-After"));
            if (answer.statusCode() == 429) {
                assertThat(retryAfter).as("the place was more than 5 s away").isBetween(5L, 20L);
                assertThat(answer.header("RateLimit")).isEqualTo("\"upstream\";r=0;t=" + retryAfter);
            } else {
                assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:esign-gateway:problem:gateway-busy");
                assertThat(retryAfter).isPositive();
            }
        });
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo((int) served);
        assertThat(mostInAnyWindow(vendor.findAll(postRequestedFor(urlPathEqualTo(VendorStubs.SESSIONS)))))
                .as("most session calls the vendor saw in any %d ms", WINDOW_MS).isLessThanOrEqualTo(LIMIT);
    }

    /**
     * The most requests whose arrival at the stand-in vendor lies in one half-open window [t, t + {@link #WINDOW_MS}),
     * the configured window. The stand-in stamps a request when it receives it, between the moment the gateway took a
     * hold for it and the moment it had the answer, so the holds make this exact however the machine is loaded.
     */
    static int mostInAnyWindow(List<LoggedRequest> requests) {
        List<Long> times = requests.stream().map(request -> request.getLoggedDate().getTime()).sorted().toList();
        int most = 0;
        for (int first = 0, last = 0; first < times.size(); first++) {
            while (last < times.size() && times.get(last) < times.get(first) + WINDOW_MS) {
                last++;
            }
            most = Math.max(most, last - first);
        }
        return most;
    }
}
