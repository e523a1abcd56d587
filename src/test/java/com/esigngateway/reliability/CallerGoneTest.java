package com.esigngateway.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.ProductionLimitsProfile;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A caller that hangs up while its creation is at the vendor. Without an {@code Idempotency-Key} nobody can learn
 * the answer any more: the vendor call is reset and its upload slot freed at once. With a key the retry must get
 * the session the first request created, so that creation goes on to the end and its answer is kept.
 * {@code CallerGoneIT} runs it against the packaged application.
 */
@QuarkusTest
@TestProfile(ProductionLimitsProfile.class)
@WithTestResource(VendorWireMock.class)
class CallerGoneTest extends HealthyVendorTest {

    static final int VENDOR_TAKES_MS = 10_000;

    @Test
    void withoutAKeyTheVendorCallIsCancelledAndItsSlotFreed() throws Exception {
        tokenHeld();
        vendor.stubFor(VendorStubs.createSession().willReturn(VendorStubs.sessionCreated(VendorStubs.SESSION_ID)
                .withFixedDelay(VENDOR_TAKES_MS)));
        long hungUpAt;
        try (Socket caller = sendCreation(null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> VendorStubs.sessionCalls(vendor) == 1);
            assertThat(uploadsInFlight()).isEqualTo(1);
            hungUpAt = System.nanoTime();
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> uploadsInFlight() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - hungUpAt)).as("the slot was freed long before the vendor answered")
                .isLessThan(Duration.ofMillis(VENDOR_TAKES_MS / 2));
    }

    @Test
    void withAKeyTheCreationGoesOnAndTheRetryGetsItsAnswer() throws Exception {
        tokenHeld();
        vendor.stubFor(VendorStubs.createSession().willReturn(VendorStubs.sessionCreated(VendorStubs.SESSION_ID)
                .withFixedDelay(1_000)));
        String key = UUID.randomUUID().toString();
        try (Socket caller = sendCreation(key)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> VendorStubs.sessionCalls(vendor) == 1);
        }

        Requests.example().header("Idempotency-Key", key).post(Requests.PATH).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(VendorStubs.SESSION_ID));
        assertThat(VendorStubs.sessionCalls(vendor)).as("creations the vendor saw").isEqualTo(1);
    }

    /** One creation first, so that a token is held and the landing URL known: the creation is the only call left. */
    private void tokenHeld() {
        Requests.example().post(Requests.PATH).then().statusCode(201);
        vendor.resetRequests();
    }

    /** A creation sent over a socket of its own, which the caller then closes without reading the answer. */
    private static Socket sendCreation(String idempotencyKey) throws Exception {
        int port = RestAssured.port;
        byte[] body = Contract.json(Contract.exampleRequest()).getBytes(StandardCharsets.UTF_8);
        String head = "POST " + Requests.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\nX-API-Key: " + Requests.API_KEY + "\r\n"
                + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private static int uploadsInFlight() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = Pattern.compile("(?m)^esign_upstream_uploads_in_flight(?:\\{[^}]*})? ([0-9.]+)").matcher(metrics);
        assertThat(gauge.find()).as("the upload gauge is exported").isTrue();
        return (int) Double.parseDouble(gauge.group(1));
    }

}
