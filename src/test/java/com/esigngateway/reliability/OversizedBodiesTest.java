package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Bodies over the limit, declared or chunked, and bodies whose JSON breaks early: answered at once, the rest of the
 * body never read, the connection closed, nothing served after it on the same connection ({@code OversizedBodiesIT}:
 * the same against the packaged application, where the log checks see nothing of the gateway's log).
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class OversizedBodiesTest extends HealthyVendorTest {

    static final String PIPELINED = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
    /**
     * How much a caller gets to send before the gateway's refusal stops it: the gateway stops reading at once (or at
     * the limit), but the kernel's socket buffers of both ends take several MB more on loopback before the caller's
     * writes block and fail. A gateway that read on to the end would take all of it.
     */
    static final long SEND_CAP = 8L * ReliabilityProfile.MAX_BODY;

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.install();
    }

    @AfterEach
    void noErrorsLogged() {
        logs.uninstall();
        assertThat(logs.lines()).filteredOn(line -> line.contains("ERROR") || line.contains("already been written"))
                .isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnswered413AndNothingAfterItIsServed() throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            caller.send(RawHttp.postHead("Content-Length: " + (ReliabilityProfile.MAX_BODY + 1)) + "{\"title\":" + PIPELINED);
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(5), 64 * 1024);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(answer.body()).contains("\"type\":\"urn:esign-gateway:problem:payload-too-large\"")
                    .contains("\"requestId\":");
            assertThat(answer.closed()).isTrue();
            assertThat(answer.responses()).as("the pipelined request is not served").isEqualTo(1);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWithA413Problem() throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            sendChunksUntilAnswered(caller, "{\"title\":\"");
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(5), 64 * 1024);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(answer.body()).contains("\"type\":\"urn:esign-gateway:problem:payload-too-large\"")
                    .contains("\"requestId\":");
            assertThat(answer.closed()).isTrue();
            assertThat(caller.sent()).as("cut off while the body was still coming").isLessThan(SEND_CAP);
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void aChunkedBodyWhoseJsonBreaksEarlyIsAnswered400WithoutReadingTheRest() throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            sendChunksUntilAnswered(caller, "{\"title\": \"fine\",\n \"owner\": nope, \"documents\": [\"");
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(5), 64 * 1024);
            // a 400, not the 413 that reading on to the limit would have given
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(answer.body()).contains("\"type\":\"urn:esign-gateway:problem:invalid-request\"")
                    .contains("The body is not well-formed JSON at line 2, column");
            assertThat(answer.closed()).isTrue();
            assertThat(caller.sent()).as("cut off while the body was still coming").isLessThan(SEND_CAP);
        }
    }

    @Test
    void brokenJsonAfterALongStringIsReportedWhereItReallyIs() throws Exception {
        String longString = "x".repeat(50_000);
        String body = "{\"title\": \"" + longString + "\", \"owner\" nope}";
        try (RawHttp caller = RawHttp.connect()) {
            caller.send(RawHttp.postHead("Content-Length: " + body.length())).send(body);
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(5), 64 * 1024);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            int column = body.indexOf("nope") + 1;
            assertThat(answer.body()).containsPattern("at line 1, column (" + column + "|" + (column + 1) + ")\\.");
        }
    }

    /**
     * Starts a chunked body with {@code start}, then sends 64 KiB chunks of letters until the gateway answers, closes
     * the connection (what it should do while the body is still coming) or the cap is reached.
     */
    private static void sendChunksUntilAnswered(RawHttp caller, String start) throws java.io.IOException {
        caller.send(RawHttp.postHead("Transfer-Encoding: chunked")).chunk(start.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        try {
            while (!caller.answered() && caller.sent() < SEND_CAP) {
                caller.chunk(chunk);
            }
        } catch (java.io.IOException closed) {
            // closed by the gateway
        }
    }
}
