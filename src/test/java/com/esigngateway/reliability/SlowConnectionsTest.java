package com.esigngateway.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A few hundred connections that say nothing, stop in the middle of their request head, or send a webhook's body
 * too slowly: normal requests are served meanwhile, and every one of them is closed within its limit — the idle limit
 * ({@code quarkus.http.idle-timeout}) for the silent ones, the body deadline ({@code esign.gateway.body-timeout} and
 * {@code body-min-rate}, as for creations) with a {@code 408} for the webhook bodies. A head sent a byte at a time is
 * bounded by the front proxy, not here (docs/operations.md). {@code SlowConnectionsIT}: the same against the packaged
 * application.
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class SlowConnectionsTest extends HealthyVendorTest {

    static final int SILENT = 120;
    static final int HALF_HEADS = 120;
    static final int STALLED_WEBHOOKS = 40;
    static final int TRICKLING_WEBHOOKS = 8;
    static final Duration MARGIN = Duration.ofSeconds(4);
    static final String WEBHOOK_HEAD = "POST /webhooks/esign/" + ReliabilityProfile.WEBHOOK_SECRET
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";

    /** A connection and when it was opened: each is held to its limit from that moment. */
    private record Opened(RawHttp caller, long at) {
    }

    @Test
    void slowAndSilentConnectionsAreClosedWithinTheirLimitsWhileNormalRequestsAreServed() throws Exception {
        List<Opened> silent = new ArrayList<>();
        List<Opened> halfHeads = new ArrayList<>();
        List<Opened> stalled = new ArrayList<>();
        List<Opened> trickling = new ArrayList<>();
        try {
            for (int i = 0; i < SILENT; i++) {
                silent.add(new Opened(RawHttp.connect(), System.nanoTime()));
            }
            for (int i = 0; i < HALF_HEADS; i++) {
                halfHeads.add(new Opened(RawHttp.connect().send("GET /q/health/live HTTP/1.1\r\nHost: local"), System.nanoTime()));
            }
            for (int i = 0; i < STALLED_WEBHOOKS; i++) {
                stalled.add(new Opened(RawHttp.connect().send(WEBHOOK_HEAD).send("{\"Data\":"), System.nanoTime()));
            }
            for (int i = 0; i < TRICKLING_WEBHOOKS; i++) {
                trickling.add(new Opened(RawHttp.connect().send(WEBHOOK_HEAD).send("{\"Data\":"), System.nanoTime()));
            }

            // normal requests are served meanwhile
            for (int i = 0; i < 3; i++) {
                Requests.example().post(Requests.PATH).then().statusCode(201);
                given().get("/q/health/live").then().statusCode(200);
            }
            Opened last = silent.get(silent.size() - 1);
            if (elapsed(last.at()).compareTo(Duration.ofSeconds(ReliabilityProfile.IDLE_TIMEOUT_SECONDS - 2)) < 0) {
                assertThat(last.caller().closedByPeer()).as("a silent connection is still open before its limit").isFalse();
            }

            // a trickle of bytes does not keep a webhook's body alive past the deadline
            Duration bodyBound = Duration.ofSeconds(ReliabilityProfile.BODY_TIMEOUT_SECONDS).plus(MARGIN);
            long trickleStart = trickling.get(0).at();
            while (elapsed(trickleStart).compareTo(bodyBound) < 0
                    && !trickling.stream().allMatch(opened -> opened.caller().answeredQuietly())) {
                for (Opened opened : trickling) {
                    opened.caller().sendQuietly(" ");
                }
                Thread.sleep(200); // the pace of the trickle itself, not a wait for the gateway
            }
            for (Opened opened : concat(stalled, trickling)) {
                RawHttp.Received answer = opened.caller().readUntilClosed(remaining(bodyBound, opened.at()), 64 * 1024);
                assertThat(answer.closed()).as("a slow webhook body is closed within the body deadline").isTrue();
                assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
                assertThat(answer.body()).contains("urn:esign-gateway:problem:request-timeout");
            }

            Duration idleBound = Duration.ofSeconds(ReliabilityProfile.IDLE_TIMEOUT_SECONDS).plus(MARGIN);
            for (Opened opened : concat(silent, halfHeads)) {
                RawHttp.Received answer = opened.caller().readUntilClosed(remaining(idleBound, opened.at()), 64 * 1024);
                assertThat(answer.closed()).as("an idle connection is closed within the idle limit").isTrue();
                assertThat(answer.text()).as("closed without an answer").isEmpty();
            }
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            for (Opened opened : concat(concat(silent, halfHeads), concat(stalled, trickling))) {
                opened.caller().close();
            }
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Duration remaining(Duration bound, long start) {
        Duration left = bound.minus(elapsed(start));
        return left.isNegative() ? Duration.ofMillis(1) : left;
    }

    private static List<Opened> concat(List<Opened> first, List<Opened> second) {
        List<Opened> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
