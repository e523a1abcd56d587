package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Callers that send their bodies slowly or not at all hold no worker thread and are cut off within
 * {@code esign.gateway.body-timeout} plus their size at the minimum rate ({@code SlowBodiesIT}: the same against the
 * packaged application).
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class SlowBodiesTest extends HealthyVendorTest {

    /** Three times the workers of the profile: enough to starve them if each stalled body held one. */
    static final int STALLED = 3 * ReliabilityProfile.WORKERS;
    static final Duration MARGIN = Duration.ofSeconds(4);

    @Test
    void stalledBodiesHoldNoWorkerAndAreAnswered408WithinTheBound() throws Exception {
        List<RawHttp> stalled = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < STALLED; i++) {
                RawHttp caller = RawHttp.connect();
                caller.send(RawHttp.postHead("Content-Length: 40000")).send(partialBody(12_000));
                stalled.add(caller);
            }

            // a legitimate request whose body is far over Quarkus REST's 10 KiB in-memory buffer
            ObjectNode request = Contract.exampleRequest();
            byte[] document = new byte[200_000];
            Arrays.fill(document, (byte) 7);
            ((ObjectNode) request.withArray("documents").get(0)).put("content", Base64.getEncoder().encodeToString(document));
            int status = CompletableFuture.supplyAsync(() -> Requests.raw().body(Contract.json(request))
                    .post(Requests.PATH).statusCode()).get(ReliabilityProfile.BODY_TIMEOUT_SECONDS - 1, TimeUnit.SECONDS);
            assertThat(status).isEqualTo(201);
            assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
            assertThat(stalled.get(0).answered()).as("the stalled callers are still waiting").isFalse();

            Duration bound = Duration.ofSeconds(ReliabilityProfile.BODY_TIMEOUT_SECONDS).plus(MARGIN)
                    .minusNanos(System.nanoTime() - start);
            for (RawHttp caller : stalled) {
                RawHttp.Received answer = caller.readUntilClosed(bound, 64 * 1024);
                assertThat(answer.closed()).as("closed within the bound").isTrue();
                assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
                assertThat(answer.body()).contains("\"type\":\"urn:esign-gateway:problem:request-timeout\"")
                        .contains("\"requestId\":");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(ReliabilityProfile.BODY_TIMEOUT_SECONDS).plus(MARGIN));
        } finally {
            for (RawHttp caller : stalled) {
                caller.close();
            }
        }
    }

    @Test
    void aTrickleOfBytesDoesNotKeepABodyAlive() throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            long start = System.nanoTime();
            caller.send(RawHttp.postHead("Content-Length: 40000")).send("{\"title\":\"");
            Duration bound = Duration.ofSeconds(ReliabilityProfile.BODY_TIMEOUT_SECONDS).plus(MARGIN);
            while (!caller.answered() && Duration.ofNanos(System.nanoTime() - start).compareTo(bound) < 0) {
                try {
                    caller.send("a"); // one byte every 100 ms: never idle, never anywhere near the minimum rate
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(100); // the pace of the trickle itself, not a wait for the gateway
            }
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(2), 64 * 1024);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(answer.closed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void aCallerWithoutCredentialsIsAnswered401BeforeItsBodyIsWaitedFor() throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            caller.send("POST " + Requests.PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 40000\r\n\r\n").send(partialBody(100));
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(3), 64 * 1024);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(answer.closed()).as("the unread body is not waited for").isTrue();
        }
    }

    @Test
    void aCallerThatAsksFor100ContinueGetsItAndThenItsAnswer() throws Exception {
        String body = Contract.json(Contract.exampleRequest());
        try (RawHttp caller = RawHttp.connect()) {
            caller.send(RawHttp.postHead("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\nExpect: 100-continue"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).until(caller::answered);
            caller.send(body);
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(3), 64 * 1024);
            assertThat(answer.text()).startsWith("HTTP/1.1 100 Continue\r\n").contains("HTTP/1.1 201 Created");
        }
    }

    private static byte[] partialBody(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] start = "{\"title\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }
}
