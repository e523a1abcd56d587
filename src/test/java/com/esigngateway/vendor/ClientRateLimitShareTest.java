package com.esigngateway.vendor;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import com.esigngateway.security.DebugLogsProfile;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A client with a share of the upstream rate limit ({@code batch}: 3 vendor calls a minute) that bursts over it gets
 * {@code 429}s with {@code Retry-After} and the share's {@code RateLimit-Policy}/{@code RateLimit}, and the vendor
 * sees no more than its share, while another client's requests in the same seconds all succeed. Against the
 * packaged application too ({@code ClientRateLimitShareIT}).
 */
@QuarkusTest
@TestProfile(DebugLogsProfile.class)
@WithTestResource(VendorWireMock.class)
class ClientRateLimitShareTest extends HealthyVendorTest {

    static final String SESSION = Requests.PATH + "/" + VendorStubs.SESSION_ID;

    @Test
    void aClientOverItsShareGets429sWhileAnotherClientGoesOn() throws Exception {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(VendorStubs.SESSION_ID,
                "agent@example.com")));
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> given().header("X-API-Key", DebugLogsProfile.BATCH_KEY).get(SESSION));
            calls.add(() -> given().header("X-API-Key", DebugLogsProfile.CRM_KEY).get(SESSION));
        }
        List<Response> answers = Parallel.runEach(calls);

        List<Response> batch = new ArrayList<>();
        List<Response> crm = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            (i % 2 == 0 ? batch : crm).add(answers.get(i));
        }
        assertThat(crm).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(batch.stream().filter(answer -> answer.statusCode() == 200)).hasSize(3);
        List<Response> refused = batch.stream().filter(answer -> answer.statusCode() != 200).toList();
        assertThat(refused).hasSize(7).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:esign-gateway:problem:rate-limited");
            assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"client\";q=3;w=60");
            assertThat(answer.header("RateLimit")).matches("\"client\";r=0;t=\\d+");
        });
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo(VendorStubs.SESSION)))).isEqualTo(13);
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("esign_upstream_rate_limited_total{client=\"batch\",limit=\"share\"} 7.0");
    }
}
