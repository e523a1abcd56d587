package com.esigngateway.vendor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.ColdGateway;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VariantsProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With the encrypted key configured, the plain API key never leaves the gateway: no EncryptString call. */
@QuarkusTest
@TestProfile(VariantsProfile.class)
@WithTestResource(VendorWireMock.class)
class EncryptedApiKeyTest {

    @InjectVendor
    WireMockServer vendor;

    @Test
    void getTokenUsesTheConfiguredEncryptedKey() {
        ColdGateway.reset(); // no token held: the request fetches one
        VendorStubs.healthy(vendor);
        Requests.create(Contract.exampleRequest()).statusCode(201);

        assertThat(VendorStubs.encryptCalls(vendor)).isZero();
        vendor.verify(1, WireMock.getRequestedFor(WireMock.urlPathEqualTo("/rest/v1/gettoken/" + VendorWireMock.SALT))
                .withHeader("Authorization", WireMock.equalTo("PRE-ENCRYPTED==")));
    }
}
