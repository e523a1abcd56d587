package com.esigngateway.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * What the method and the path alone decide, and requests the HTTP layer refuses: every answer a problem with a
 * request id, {@code Allow} where RFC 9110 wants it, and metrics that a client cannot grow by spelling paths
 * differently ({@code HttpEdgeIT}: the same against the packaged application).
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class HttpEdgeTest extends HealthyVendorTest {

    @Test
    void aMethodThePathDoesNotSupportIsA405ProblemWithAllow() {
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            Requests.raw().header("X-Request-Id", "edge-405").request(method, Requests.PATH).then().statusCode(405)
                    .header("Allow", "GET, HEAD, OPTIONS, POST")
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:esign-gateway:problem:method-not-allowed"))
                    .body("requestId", equalTo("edge-405"));
        }
        Requests.raw().post(Requests.PATH + "/some-session").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        Requests.raw().get(Requests.PATH + "/some-session/cancel").then().statusCode(405).header("Allow", "OPTIONS, POST");
    }

    @Test
    void optionsAndHeadAgree() {
        given().options(Requests.PATH).then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS, POST");
        given().options(Requests.PATH + "/some-session/cancel").then().statusCode(204).header("Allow", "OPTIONS, POST");
        // HEAD is allowed where GET is; where there is no GET, HEAD is a 405 too, and says what is allowed
        given().head(Requests.PATH + "/some-session/cancel").then().statusCode(405).header("Allow", "OPTIONS, POST");
        assertThat(Requests.raw().head(Requests.PATH + "/some-session").statusCode()).isNotEqualTo(405);
    }

    @Test
    void anHttp11RequestWithoutHostGetsAProblemWithARequestId() throws Exception {
        try (RawHttp caller = RawHttp.connect()) {
            caller.send("GET " + Requests.PATH + " HTTP/1.1\r\n\r\n");
            RawHttp.Received answer = caller.readUntilClosed(Duration.ofSeconds(5), 64 * 1024);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(answer.text()).containsIgnoringCase("content-type: application/problem+json")
                    .containsPattern("(?i)x-request-id: [0-9a-f-]{36}");
            assertThat(answer.body()).contains("\"type\":\"urn:esign-gateway:problem:invalid-request\"")
                    .contains("Host").containsPattern("\"requestId\":\"[0-9a-f-]{36}\"");
        }
    }

    @Test
    void metricsNameRoutesByTheirTemplatesWhateverTheSpellingOfThePath() {
        RestAssuredConfig noRedirects = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        for (String path : new String[] {"/v1/%2e%2e/q/metrics", "/v1/%2E%2E/q/metrics", "/x/y/%2e%2e/%2e%2e/q/metrics",
                "/v1/x/%2e%2e/signing-sessions", "/v1/%73igning-sessions", "/v1/./signing-sessions"}) {
            given().config(noRedirects).urlEncodingEnabled(false).get(path).then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }
        for (int i = 0; i < 20; i++) {
            given().urlEncodingEnabled(false).get("/nothing/" + UUID.randomUUID()).then().statusCode(404);
        }

        Set<String> uris = new TreeSet<>();
        Matcher tag = Pattern.compile("^http_server_requests_seconds_count\\{.*uri=\"([^\"]*)\".*$", Pattern.MULTILINE)
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        while (tag.find()) {
            uris.add(tag.group(1));
        }
        assertThat(uris).isSubsetOf(Set.of(Requests.PATH, "UNKNOWN", "/simulator/rest/v1/encrypt/{plainText}/{salt}"))
                .contains(Requests.PATH, "UNKNOWN");
    }
}
