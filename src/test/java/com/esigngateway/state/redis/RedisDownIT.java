package com.esigngateway.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.RedisServer;
import com.esigngateway.testing.Replicas;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Redis stopped in the middle of a run and started again, under two replicas, each row of the table in
 * docs/many-replicas.md ("When Redis is down"): a request with an {@code Idempotency-Key} is refused (503
 * {@code idempotency-store-unavailable}, Retry-After), one without is served; each replica fetches its own token;
 * the upstream rate limit becomes each replica's share ({@code limit / esign.state.redis.fallback-replicas});
 * {@code /q/health/well} says so and the fallbacks are counted; no 500 anywhere. Once Redis is back, everything is shared again without a restart.
 */
class RedisDownIT {

    static final int LIMIT = 4;
    static final int FALLBACK_REPLICAS = 2;

    private final List<Integer> statuses = new ArrayList<>();

    @Test
    void eachFeatureDegradesAsDocumentedAndRecoversWhenRedisReturns() throws Exception {
        try (RedisServer redis = RedisServer.started();
                Replicas replicas = Replicas.start(2, redis, Map.of(
                        "ESIGN_UPSTREAM_RATE_LIMIT_REQUESTS", String.valueOf(LIMIT),
                        "ESIGN_STATE_REDIS_FALLBACK_REPLICAS", String.valueOf(FALLBACK_REPLICAS),
                        "ESIGN_STATE_REDIS_CIRCUIT_BREAKER_DELAY", "1s",
                        "ESIGN_VENDOR_TOKEN_TTL", "3s", "ESIGN_VENDOR_TOKEN_REFRESH_SKEW", "1s",
                        "ESIGN_UPSTREAM_MAX_CONCURRENT", "50",
                        // a burst opens new connections to the vendor: on two loaded cores that can take longer than
                        // the default margin between a place and the vendor, and the test is about the share, not that
                        "ESIGN_UPSTREAM_RATE_LIMIT_SAFETY_MARGIN", "600ms"))) {
            WireMockServer vendor = replicas.vendorStub();
            Replicas.Gateway a = replicas.get(0);
            Replicas.Gateway b = replicas.get(1);

            String shared = UUID.randomUUID().toString();
            seen(keyed(a, shared)).then().statusCode(201).header("Idempotent-Replayed", (String) null);
            seen(keyed(b, shared)).then().statusCode(201).header("Idempotent-Replayed", "true");

            redis.stop();

            for (Replicas.Gateway replica : replicas.all()) {
                seen(keyed(replica, UUID.randomUUID().toString())).then().statusCode(503)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:esign-gateway:problem:idempotency-store-unavailable"))
                        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
            }
            // without a key: served; once their shared token is due, each replica fetches its own
            int tokensBefore = VendorStubs.tokenCalls(vendor);
            await("each replica fetched its own token").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        for (Replicas.Gateway replica : replicas.all()) {
                            seen(unkeyed(replica)).then().statusCode(201);
                        }
                        return VendorStubs.tokenCalls(vendor) >= tokensBefore + 2;
                    });

            // the rate limit: this replica's share only
            vendor.resetRequests();
            List<Callable<Response>> burst = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                burst.add(() -> unkeyed(a));
            }
            for (Response answer : Parallel.runEach(burst)) {
                seen(answer);
                assertThat(answer.statusCode()).as(answer.asString()).isIn(201, 429);
            }
            List<Long> arrivals = vendor.getAllServeEvents().stream()
                    .filter(event -> event.getRequest().getUrl().equals(VendorStubs.SESSIONS))
                    .map(ServeEvent::getRequest).map(request -> request.getLoggedDate().getTime()).sorted().toList();
            assertThat(arrivals).isNotEmpty();
            assertThat(SharedRateLimitIT.busiestWindow(arrivals)).as("creations in one window from one replica, at %s",
                    arrivals.stream().map(at -> at - arrivals.get(0)).toList())
                    .isLessThanOrEqualTo(LIMIT / FALLBACK_REPLICAS);

            for (Replicas.Gateway replica : replicas.all()) {
                String well = wellness(replica, 503);
                assertThat(well).contains("\"store\":\"redis\"").contains("failing");
            }
            String metrics = metrics(a);
            assertThat(counter(metrics, "idempotency")).isPositive();
            assertThat(counter(metrics, "rate_limit")).isPositive();
            assertThat(counter(metrics, "token")).isPositive();

            redis.start();

            String after = UUID.randomUUID().toString();
            await("keyed requests are served again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> seen(keyed(a, after)).statusCode() == 201);
            // each replica has its own breaker on Redis calls, and connections Redis closed when it stopped are
            // replaced as they are found closed: the other replica may answer 503 a few times more
            await("the other replica replays the key's answer").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        Response replay = seen(keyed(b, after));
                        return replay.statusCode() == 201 && "true".equals(replay.header("Idempotent-Replayed"));
                    });
            for (Replicas.Gateway replica : replicas.all()) {
                await("wellness up again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                        .until(() -> wellness(replica, null).contains("\"redis\":\"ok\""));
            }
            assertThat(redis.keys()).as("state in the restarted Redis").anyMatch(key -> key.contains(":idempotency:"));
            // the first creations after the restart may still have taken a local place (a pooled connection Redis
            // had closed); the shared places come back within the same bound
            await("rate-limit places shared again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        seen(unkeyed(a));
                        return redis.keys().stream().anyMatch(key -> key.endsWith(":rate-limit:upstream"));
                    });
            assertThat(statuses).as("answers during the run").noneMatch(status -> status >= 500 && status != 503);
        }
    }

    private Response seen(Response response) {
        synchronized (statuses) {
            statuses.add(response.statusCode());
        }
        return response;
    }

    private static Response keyed(Replicas.Gateway replica, String key) {
        return replica.raw().header("Idempotency-Key", key).body(Contract.json(Contract.exampleRequest())).post(Requests.PATH);
    }

    private static Response unkeyed(Replicas.Gateway replica) {
        return replica.raw().body(Contract.json(Contract.exampleRequest())).post(Requests.PATH);
    }

    private static String wellness(Replicas.Gateway replica, Integer status) {
        Response response = RestAssured.given().baseUri("http://127.0.0.1").port(replica.port()).get("/q/health/well");
        if (status != null) {
            assertThat(response.statusCode()).isEqualTo(status);
        }
        return response.asString().replace(" ", "");
    }

    private static String metrics(Replicas.Gateway replica) {
        return RestAssured.given().baseUri("http://127.0.0.1").port(replica.port()).get("/q/metrics").asString();
    }

    private static double counter(String metrics, String feature) {
        Matcher matcher = Pattern.compile("(?m)^esign_state_fallback_total\\{[^}]*feature=\"" + feature + "\"[^}]*} ([0-9.E]+)")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
