package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
 * The seams an adversarial run found between what the contract says and what the gateway took: parameters that are
 * no integers, base64 padded in the middle, bodies declared as something other than JSON, a webhook with something
 * after it, and a wrong path secret that could be told from an unknown path ({@code ValidationSeamsIT}: the same
 * against the packaged application).
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class ValidationSeamsTest extends HealthyVendorTest {

    static final String WEBHOOK = "{\"Data\":{\"SigningSessionId\":\"" + VendorStubs.SESSION_ID
            + "\",\"Type\":\"SessionStatus\",\"Status\":3}}";

    @Test
    void aListParameterThatIsNoIntegerIsA400NamingIt() {
        for (String parameter : List.of("page", "limit")) {
            for (String value : List.of("abc", "1.5", "1e1", "2147483648", "-2147483649", "0x10", "1 000", "+-1")) {
                Requests.raw().queryParam("owner", "agent@example.com").queryParam("transactionId", "TX")
                        .queryParam(parameter, value).get(Requests.PATH).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:esign-gateway:problem:invalid-request"))
                        .body("violations[0].field", equalTo("query " + parameter))
                        .body("violations[0].message", org.hamcrest.Matchers.startsWith("must be an integer from"));
            }
        }
        // in range of an int, the contract's bounds speak as before
        Requests.raw().queryParam("owner", "agent@example.com").queryParam("transactionId", "TX")
                .queryParam("page", 10001).get(Requests.PATH).then().statusCode(400)
                .body("violations[0].field", equalTo("query page"));
    }

    @Test
    void documentContentIsBase64WithPaddingOnlyAtItsEnd() {
        for (String content : List.of("AA==AA==", "QQ==QUJD", "QUI=QUJD", "QQ== QUJD", "QQ\\u003d\\u003dQUJD")) {
            ObjectNode request = Contract.exampleRequest();
            ((ObjectNode) request.withArray("documents").get(0)).put("content", "PLACEHOLDER");
            Requests.raw().body(Contract.json(request).replace("PLACEHOLDER", content)).post(Requests.PATH).then()
                    .statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("documents[0].content"));
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void aBodyMustBeDeclaredAsUtf8Json() throws Exception {
        String body = Contract.json(Contract.exampleRequest());
        for (String contentType : List.of("Content-Type: */*", "Content-Type: application/*", "Content-Type: ",
                "Content-Type: application/json; charset=utf-16", "Content-Type: application/json;charset=UTF-16LE",
                "Content-Type: application/json; charset=iso-8859-1", "Content-Type: text/plain",
                "Content-Type: application/json-patch+json", "Content-Type: application/jsonx",
                "Content-Type: application/json; version=2", "Content-Type: application/json\r\nContent-Type: application/json",
                "Content-Type: */*; charset=utf-8", "Content-Type: application/*; charset=utf-8", "Content-Type: text/json",
                "Content-Type: application/problem+json", "")) {
            RawHttp.Received answer = post(Requests.PATH, contentType, body);
            assertThat(answer.statusLine()).as(contentType).isEqualTo("HTTP/1.1 415 Unsupported Media Type");
            assertThat(answer.body()).as(contentType).contains("urn:esign-gateway:problem:unsupported-media-type");
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
        for (String contentType : List.of("Content-Type: application/json", "Content-Type: application/json; charset=utf-8",
                "Content-Type: Application/JSON;charset=\"UTF-8\"")) {
            assertThat(post(Requests.PATH, contentType, body).statusLine()).as(contentType).isEqualTo("HTTP/1.1 201 Created");
        }
        // a request without a body needs no Content-Type
        Requests.raw().contentType("").post(Requests.PATH + "/" + VendorStubs.SESSION_ID + "/continue-link").then()
                .statusCode(org.hamcrest.Matchers.not(415));
    }

    @Test
    void theReceiverTakesOneJsonDocumentAndNothingAfterIt() {
        String path = "/webhooks/esign/" + ReliabilityProfile.WEBHOOK_SECRET;
        for (String body : List.of(WEBHOOK + "x", WEBHOOK + WEBHOOK, WEBHOOK + " {}", WEBHOOK + "]")) {
            Requests.raw().body(body).post(path).then().statusCode(400)
                    .body("type", equalTo("urn:esign-gateway:problem:invalid-request"))
                    .body("violations[0].field", equalTo("$"));
        }
        Requests.raw().body(WEBHOOK + "\r\n").post(path).then().statusCode(200);
    }

    @Test
    void aWrongPathSecretIsTheSame404AsAnUnknownPath() throws Exception {
        for (String body : List.of(WEBHOOK, "")) {
            // kept alive unless the gateway closes it: whether it does must not tell the two apart either
            RawHttp.Received wrong = post("/webhooks/esign/not-the-secret-0123456789abcdef", "Content-Type: application/json",
                    body, false);
            RawHttp.Received unknown = post("/webhooks/nothing/not-the-secret-0123456789abcdef",
                    "Content-Type: application/json", body, false);
            assertThat(wrong.statusLine()).isEqualTo("HTTP/1.1 404 Not Found").isEqualTo(unknown.statusLine());
            assertThat(headers(wrong)).isEqualTo(headers(unknown));
            assertThat(withoutRequestId(wrong.body())).isEqualTo(withoutRequestId(unknown.body()));
            assertThat(wrong.closed()).isEqualTo(unknown.closed());
        }
    }

    /** A POST on its own connection that asks for the connection's end; the answer, read until it ends (10 s at most). */
    static RawHttp.Received post(String path, String contentType, String body) throws Exception {
        return post(path, contentType, body, true);
    }

    /** {@code close}: the request asks for the connection's end; otherwise the answer is read for 3 s at most. */
    static RawHttp.Received post(String path, String contentType, String body, boolean close) throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            caller.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + Requests.API_KEY + "\r\n"
                    + (contentType.isEmpty() ? "" : contentType + "\r\n") + "Content-Length: " + bytes.length
                    + (close ? "\r\nConnection: close" : "") + "\r\n\r\n").send(bytes);
            return caller.readUntilClosed(Duration.ofSeconds(close ? 10 : 3), 256 * 1024);
        }
    }

    /** The response's headers by lower-case name, X-Request-Id apart. */
    static Map<String, String> headers(RawHttp.Received answer) {
        Map<String, String> headers = new TreeMap<>();
        String head = answer.text().substring(0, Math.max(0, answer.text().indexOf("\r\n\r\n")));
        head.lines().skip(1).forEach(line -> {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("x-request-id")) {
                headers.put(name, line.substring(colon + 1).trim());
            }
        });
        return headers;
    }

    static String withoutRequestId(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"\"");
    }
}
