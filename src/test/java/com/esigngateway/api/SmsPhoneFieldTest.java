package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VariantsProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The vendor's name for the SMS phone number is undocumented, so it is a setting; here another name is configured
 * and the vendor body uses it. {@code SmsPhoneFieldIT} checks the same at run time of the packaged application.
 */
@QuarkusTest
@TestProfile(VariantsProfile.class)
@WithTestResource(VendorWireMock.class)
class SmsPhoneFieldTest extends HealthyVendorTest {

    @Test
    void theConfiguredFieldNameCarriesThePhone() throws Exception {
        ObjectNode request = Contract.exampleRequest();
        ((ObjectNode) request.withArray("signers").get(1)).putObject("authentication")
                .put("method", "SMS").put("phone", SignerAuthenticationTest.PHONE).put("password", "pw");
        Requests.create(request).statusCode(201);

        var sent = vendor.findAll(postRequestedFor(urlEqualTo(VendorStubs.SESSIONS)));
        assertThat(sent).hasSize(1);
        JsonNode buyer = new ObjectMapper().readTree(new String(sent.get(0).getBody(), StandardCharsets.UTF_8))
                .path("session").path("Signers").get(1);
        assertThat(buyer.path("AuthenticationSettings")).isEqualTo(new ObjectMapper().readTree(
                "{\"Password\":\"pw\",\"SMSMobileNumber\":\"" + SignerAuthenticationTest.PHONE + "\"}"));
    }
}
