package com.esigngateway.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.VariantsProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** More concurrent uploads than the slots: the excess is shed with 503 and never reaches the vendor. */
@QuarkusTest
@TestProfile(VariantsProfile.class)
@WithTestResource(VendorWireMock.class)
class UploadBulkheadTest {

    @InjectVendor
    WireMockServer vendor;

    @Test
    void uploadsOverTheSlotsAreShedWith503() throws Exception {
        VendorStubs.healthy(vendor);
        Parallel.createExample(); // a token is held, so all five reach the slots together
        vendor.resetRequests();
        vendor.stubFor(VendorStubs.createSession().atPriority(1)
                .willReturn(VendorStubs.sessionCreated(VendorStubs.SESSION_ID).withFixedDelay(1500)));

        List<Response> answers = Parallel.run(5, Parallel::createExample);

        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(2);
        List<Response> shed = answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(shed).hasSize(3);
        assertThat(shed).allSatisfy(r -> {
            assertThat(r.jsonPath().getString("type")).isEqualTo("urn:esign-gateway:problem:gateway-busy");
            assertThat(r.header("Retry-After")).isEqualTo("1");
        });
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(2);
    }
}
