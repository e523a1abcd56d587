package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Framing RFC 9112 forbids, on every route: a {@code Transfer-Encoding} that is not exactly {@code chunked} (with a
 * {@code Content-Length} that would otherwise frame the body: the request-smuggling seam), two {@code Host} headers,
 * and what Netty refuses itself ({@code chunked} with a {@code Content-Length}, two lengths). Each is a {@code 400}
 * problem, the connection is closed, and a request pipelined after it is never served ({@code RequestFramingIT}: the
 * same against the packaged application).
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class RequestFramingTest extends HealthyVendorTest {

    static final String BODY = "{\"title\":\"x\"}";
    /** A request that must never be answered: it follows a request whose end cannot be known. */
    static final String PIPELINED = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /** Every kind of route: the callers' API, the webhook receiver, the /q endpoints. */
    static final List<String> TARGETS = List.of("POST " + Requests.PATH,
            "POST /webhooks/esign/" + ReliabilityProfile.WEBHOOK_SECRET, "POST /q/health", "GET /q/metrics",
            "POST /nothing/here");

    /** Codings Netty does not take for chunked: it frames the body by its length, and the gateway must refuse it. */
    static final List<String> LENGTH_FRAMED = List.of("Transfer-Encoding: xchunked", "Transfer-Encoding: identity",
            "Transfer-Encoding: \"chunked\"", "Transfer-Encoding: chunked;x=1", "Transfer-Encoding: gzip");
    /** Codings with a chunked somewhere, not exactly one and final. */
    static final List<String> NOT_EXACTLY_CHUNKED = List.of("Transfer-Encoding: chunked, identity",
            "Transfer-Encoding: gzip, chunked", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: x", "Transfer-Encoding: ,chunked");

    @Test
    void aTransferEncodingThatIsNotExactlyChunkedIsRefusedAndTheConnectionClosed() throws Exception {
        for (String target : TARGETS) {
            for (String coding : LENGTH_FRAMED) {
                String head = head(target, coding + "\r\nContent-Length: " + BODY.length());
                RawHttp.Received answer = exchange(head + BODY + PIPELINED);
                assertRefused(answer, target + " / " + coding);
                assertProblem(answer, target + " / " + coding);
                assertThat(answer.body()).as(target + " / " + coding).contains("Transfer-Encoding");
            }
            for (String coding : NOT_EXACTLY_CHUNKED) {
                String head = head(target, coding + "\r\nContent-Length: " + BODY.length());
                assertRefused(exchange(head + BODY + PIPELINED), target + " / " + coding);
                // the same with a well-formed chunked body: Netty reads it, the gateway refuses it
                String chunked = head(target, coding) + Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n";
                RawHttp.Received answer = exchange(chunked + PIPELINED);
                assertRefused(answer, target + " / " + coding + " (chunked body)");
            }
        }
    }

    @Test
    void twoHostHeadersAreRefusedAndTheConnectionClosed() throws Exception {
        for (String target : TARGETS) {
            String method = target.substring(0, target.indexOf(' '));
            String path = target.substring(target.indexOf(' ') + 1);
            String body = method.equals("POST") ? "Content-Length: " + BODY.length() + "\r\n" : "";
            for (String hosts : List.of("Host: localhost\r\nHost: localhost", "Host: localhost\r\nHost: other")) {
                RawHttp.Received answer = exchange(method + " " + path + " HTTP/1.1\r\n" + hosts
                        + "\r\nX-API-Key: " + Requests.API_KEY + "\r\nContent-Type: application/json\r\n" + body + "\r\n"
                        + (body.isEmpty() ? "" : BODY) + PIPELINED);
                assertRefused(answer, target + " / " + hosts);
                assertProblem(answer, target + " / " + hosts);
                assertThat(answer.body()).contains("Host");
            }
        }
    }

    /** Netty refuses these itself today; they must stay refused whatever the HTTP layer's version. */
    @Test
    void whatTheHttpLayerRefusesStaysRefused() throws Exception {
        for (String target : TARGETS) {
            for (String framing : List.of("Transfer-Encoding: chunked\r\nContent-Length: " + BODY.length(),
                    "Content-Length: " + BODY.length() + "\r\nTransfer-Encoding: chunked",
                    "Content-Length: " + BODY.length() + "\r\nContent-Length: " + (BODY.length() + 1),
                    "Content-Length: " + BODY.length() + ", " + BODY.length() + "0")) {
                RawHttp.Received answer = exchange(head(target, framing) + BODY + PIPELINED);
                assertRefused(answer, target + " / " + framing);
            }
        }
    }

    @Test
    void chunkedAloneIsStillServed() throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            // one write: an unknown path is answered (and closed) on its head, before a later write could land
            caller.send(head("POST /nothing/here", "Transfer-Encoding: chunked\r\nConnection: close")
                    + Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n");
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(10), 64 * 1024);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        }
        try (RawHttp caller = RawHttp.connect()) {
            caller.send(head("POST " + Requests.PATH, "Transfer-Encoding: Chunked\r\nConnection: close")
                    + "2\r\n{}\r\n0\r\n\r\n");
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(10), 64 * 1024);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(answer.body()).contains("\"violations\"");
        }
    }

    static String head(String target, String framing) {
        return target + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + Requests.API_KEY
                + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    static RawHttp.Received exchange(String request) throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            caller.send(request);
            return caller.readUntilClosed(Duration.ofSeconds(10), 64 * 1024);
        }
    }

    /**
     * A 400, the connection closed, the pipelined request never served. (What Netty's decoder refuses never reaches a
     * route: Vert.x answers it with an empty 400 itself.)
     */
    static void assertRefused(RawHttp.Received answer, String what) {
        assertThat(answer.statusLine()).as(what).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(answer.closed()).as(what + ": connection closed").isTrue();
        assertThat(answer.responses()).as(what + ": the pipelined request was not served").isEqualTo(1);
    }

    /** The gateway's own refusal: a problem with a request id. */
    static void assertProblem(RawHttp.Received answer, String what) {
        assertThat(answer.text()).as(what).containsIgnoringCase("content-type: application/problem+json")
                .containsPattern("(?i)x-request-id: \\S+");
        assertThat(answer.body()).as(what).contains("\"type\":\"urn:esign-gateway:problem:invalid-request\"");
    }
}
