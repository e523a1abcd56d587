package com.esigngateway.vendor.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.reliability.ReliabilityProfile;
import com.esigngateway.testing.ColdGateway;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Fifty callers at once on a gateway that holds no token yet share one EncryptString and one GetToken call. The
 * gateway is made cold first ({@link com.esigngateway.testing.ColdGateway}); {@code ColdGatewayIT} runs it against a
 * packaged application of its own (the jar, or the native executable).
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class ColdGatewayTest extends HealthyVendorTest {

    @BeforeEach
    void coldGateway() {
        ColdGateway.reset();
    }

    @Test
    void concurrentRequestsOnAColdGatewayShareOneTokenAcquisition() throws Exception {
        // A slow token service, so that every caller arrives while the one acquisition is still running.
        vendor.stubFor(VendorStubs.getToken().willReturn(VendorStubs.returnValue(VendorStubs.TOKEN).withFixedDelay(300)));
        int parallel = 50;

        List<Response> answers = Parallel.run(parallel, Parallel::createExample);

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(VendorStubs.encryptCalls(vendor)).isEqualTo(1);
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(1);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(parallel);
        // The plain key travels URL-encoded in the EncryptString path; GetToken sends the encrypted key raw.
        LoggedRequest encrypt = vendor.findAll(getRequestedFor(WireMock.urlPathMatching(VendorStubs.ENCRYPT))).get(0);
        assertThat(encrypt.getUrl()).isEqualTo("/rest/v1/encrypt/test-api-key%2Fwith+odd=chars/test-salt");
        vendor.verify(getRequestedFor(urlPathEqualTo("/rest/v1/gettoken/" + VendorWireMock.SALT))
                .withHeader("Authorization", WireMock.equalTo(VendorStubs.ENCRYPTED_KEY)));
        vendor.verify(parallel, postRequestedFor(urlPathEqualTo(VendorStubs.SESSIONS))
                .withHeader("Authorization", WireMock.equalTo(VendorStubs.TOKEN)));
    }
}
