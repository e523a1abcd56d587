package com.esigngateway.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.RedisServer;
import com.esigngateway.testing.Replicas;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.restassured.response.Response;

/**
 * One upstream rate limit for two replicas: twice the configured rate for 10 s, spread over both, and the vendor
 * never sees more than the limit in any window (its own request journal says when each creation arrived); the rest
 * waited for a later place and was served, or got 429 with Retry-After and the RateLimit headers. Without the shared
 * limit each replica would let the whole limit through: twice as many.
 */
class SharedRateLimitIT {

    static final int LIMIT = 5;
    static final long WINDOW_MS = 1_000;
    static final int PER_SECOND = 2 * LIMIT;
    static final int SECONDS = 10;

    @Test
    void twiceTheRateOverBothReplicasNeverExceedsTheLimitAtTheVendor() throws Exception {
        try (RedisServer redis = RedisServer.started();
                Replicas replicas = Replicas.start(2, redis, Map.of("ESIGN_UPSTREAM_RATE_LIMIT_REQUESTS", String.valueOf(LIMIT),
                        "ESIGN_UPSTREAM_RATE_LIMIT_WINDOW", WINDOW_MS + "ms",
                        // creations wait for their place holding an upload slot: enough slots for every waiting one
                        "ESIGN_UPSTREAM_MAX_CONCURRENT", "100"))) {
            WireMockServer vendor = replicas.vendorStub();
            String body = Contract.json(Contract.exampleRequest());
            // a token and the landing URL on both, so that the measured part is creations only
            for (Replicas.Gateway replica : replicas.all()) {
                replica.conforming().body(body).post(Requests.PATH).then().statusCode(201);
            }
            // the warm-up's places stay in the shared limiter (it is only stricter for it), not in the vendor's journal
            vendor.resetRequests();

            ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
            java.util.concurrent.ExecutorService callers = Executors.newFixedThreadPool(PER_SECOND * SECONDS);
            List<Future<Response>> answers = new ArrayList<>();
            try {
                long period = 1_000 / PER_SECOND;
                List<java.util.concurrent.ScheduledFuture<Future<Response>>> scheduled = new ArrayList<>();
                for (int i = 0; i < PER_SECOND * SECONDS; i++) {
                    Replicas.Gateway replica = replicas.get(i % 2);
                    scheduled.add(clock.schedule(() -> callers.submit(() -> replica.raw().body(body).post(Requests.PATH)),
                            i * period, TimeUnit.MILLISECONDS));
                }
                for (var each : scheduled) {
                    answers.add(each.get(SECONDS + 5, TimeUnit.SECONDS));
                }
                int created = 0;
                int limited = 0;
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    assertThat(response.statusCode()).as(response.asString()).isIn(201, 429);
                    if (response.statusCode() == 201) {
                        created++;
                    } else {
                        limited++;
                        assertThat(response.header("Retry-After")).isNotBlank();
                        assertThat(response.header("RateLimit-Policy")).isEqualTo("\"upstream\";q=" + LIMIT + ";w=1");
                    }
                }
                List<Long> arrivals = vendor.getAllServeEvents().stream()
                        .filter(event -> event.getRequest().getUrl().equals(VendorStubs.SESSIONS))
                        .map(ServeEvent::getRequest).map(request -> request.getLoggedDate().getTime()).sorted().toList();
                assertThat(arrivals).as("creations at the vendor").hasSize(created);
                assertThat(VendorStubs.count(vendor, postRequestedFor(urlPathEqualTo(VendorStubs.SESSIONS)))).isEqualTo(created);
                assertThat(busiestWindow(arrivals)).as("most creations the vendor saw in one window of %d ms", WINDOW_MS)
                        .isLessThanOrEqualTo(LIMIT);
                // queued ones were served: more than an unqueued limiter would have let through in the run
                assertThat(created).as("created").isGreaterThan(LIMIT * SECONDS / 2);
                assertThat(limited).as("refused with 429").isPositive();
            } finally {
                clock.shutdownNow();
                callers.shutdownNow();
            }
        }
    }

    /** The most arrivals in any window of {@link #WINDOW_MS} (each window starting at an arrival). */
    static int busiestWindow(List<Long> arrivals) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < arrivals.size(); last++) {
            while (arrivals.get(last) - arrivals.get(first) >= WINDOW_MS) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
