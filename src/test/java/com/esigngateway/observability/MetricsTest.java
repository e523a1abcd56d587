package com.esigngateway.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Prometheus metrics: the gateway's own series and SmallRye Fault Tolerance's, without secrets or personal data. */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class MetricsTest {

    @InjectVendor
    WireMockServer vendor;

    @Test
    void gatewayAndFaultToleranceSeriesAreExposed() {
        VendorStubs.healthy(vendor);
        Requests.create(Contract.exampleRequest()).statusCode(201);
        ObjectNode invalid = Contract.exampleRequest();
        invalid.put("owner", "nope");
        Requests.raw().body(Contract.json(invalid)).post(Requests.PATH).then().statusCode(400);
        vendor.stubFor(VendorStubs.createSession().atPriority(1).willReturn(VendorStubs.error("Error: Username not found.")));
        Requests.create(Contract.exampleRequest()).statusCode(422);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains("esign_vendor_calls_seconds_count{operation=\"create_session\",outcome=\"success\"}")
                .contains("esign_vendor_calls_seconds_count{operation=\"create_session\",outcome=\"rejected\"}")
                .contains("esign_vendor_calls_seconds_bucket{operation=\"create_session\",outcome=\"success\",le=")
                // the operation tags dashboards know: unchanged by the operation declarations
                .contains("esign_vendor_calls_seconds_count{operation=\"encrypt\",outcome=\"success\"}")
                .contains("esign_vendor_calls_seconds_count{operation=\"get_token\",outcome=\"success\"}")
                .contains("esign_vendor_calls_seconds_count{operation=\"landing_url\",outcome=\"success\"}")
                .contains("esign_sessions_created_total")
                .contains("esign_requests_rejected_total{reason=\"validation\"}")
                .contains("esign_upstream_uploads_in_flight")
                .containsPattern("ft_invocations_total\\{.*method=\"vendor-create-session\"")
                .contains("ft_circuitbreaker_state_current");
        assertThat(metrics).containsPattern("esign_vendor_token_acquisitions_total\\{reason=\"(cold|expiry|rejected)\"}");
        for (String secret : List.of(VendorWireMock.API_KEY, "test-api-key%2F", VendorStubs.ENCRYPTED_KEY, VendorStubs.TOKEN,
                "agent@example.com", "seller@example.com", VendorStubs.SESSION_ID)) {
            assertThat(metrics).doesNotContain(secret);
        }
    }
}
