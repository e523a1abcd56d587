package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;

/** Correcting a signer through the vendor's Update Signers, and inviting the corrected signer again. */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class CorrectSignerTest extends HealthyVendorTest {

    static final String BUYER = Requests.PATH + "/" + VendorStubs.SESSION_ID + "/signers/" + VendorStubs.BUYER_ID;
    static final String UPDATE = "/rest/v1/signers";
    static final ObjectMapper JSON = new ObjectMapper();

    static RequestSpecification patch(String contentType, String body) {
        // as sent: REST Assured would add "; charset=ISO-8859-1" to a media type it does not know as JSON
        return RestAssured.given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("X-API-Key", Requests.API_KEY).contentType(contentType).body(body);
    }

    JsonNode sentUpdate() throws Exception {
        var sent = vendor.findAll(putRequestedFor(urlPathEqualTo(UPDATE)));
        assertThat(sent).hasSize(1);
        return JSON.readTree(new String(sent.get(0).getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void aMergePatchOfTheEmailSendsTheWholeSignerAndAnswersItAsTheVendorNowHasIt() throws Exception {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        vendor.stubFor(put(urlPathEqualTo(UPDATE)).willReturn(VendorStubs.returnValue("True")));

        patch("application/merge-patch+json", "{\"email\":\"bea.new@example.com\",\"authentication\":{\"phone\":\"+14155550123\"}}")
                .patch(BUYER).then().statusCode(200)
                .body("signer.id", equalTo(VendorStubs.BUYER_ID)).body("invitation", equalTo("NOT_REQUESTED"));
        JsonNode update = sentUpdate();
        // byte for byte: what the vendor's Update Signers receives
        assertThat(new String(vendor.findAll(putRequestedFor(urlPathEqualTo(UPDATE))).get(0).getBody(), StandardCharsets.UTF_8))
                .isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of(
                        "src/test/resources/golden/update-signers-email-and-phone.json")).strip());
        assertThat(update.path("username").asText()).isEqualTo("agent@example.com");
        assertThat(update.path("signingSessionId").asText()).isEqualTo(VendorStubs.SESSION_ID);
        JsonNode signer = update.path("signers").get(0);
        assertThat(signer.path("SignerId").asText()).isEqualTo(VendorStubs.BUYER_ID);
        assertThat(signer.path("EmailAddress").asText()).isEqualTo("bea.new@example.com");
        assertThat(signer.path("FirstName").asText()).isEqualTo("Bea");
        assertThat(signer.path("LastName").asText()).isEqualTo("Buyer");
        assertThat(signer.path("SignerRole").asText()).isEqualTo("Buyer 1");
        assertThat(signer.path("AuthenticationSettings").path("PhoneNumber").asText()).isEqualTo("+14155550123");
    }

    @Test
    void plainJsonIsAcceptedOtherMediaTypesAndNullsAreNot() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        vendor.stubFor(put(urlPathEqualTo(UPDATE)).willReturn(VendorStubs.returnValue("True")));
        patch("application/json", "{\"lastName\":\"Buyer-Smith\"}").patch(BUYER).then().statusCode(200);
        patch("text/plain", "{\"lastName\":\"Buyer-Smith\"}").patch(BUYER).then().statusCode(415);
        patch("application/merge-patch+json", "{\"lastName\":null}").patch(BUYER).then().statusCode(400)
                .body("type", equalTo("urn:esign-gateway:problem:invalid-request"));
        assertThat(VendorStubs.count(vendor, putRequestedFor(urlPathEqualTo(UPDATE)))).isEqualTo(1);
    }

    @Test
    void aFinishedSessionASignerWhoSignedAndAnUnknownSignerAreRefusedWithoutAVendorChange() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(3, 2, null)));
        patch("application/json", "{\"lastName\":\"X\"}").patch(BUYER).then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:session-state-conflict"));
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 4, null)));
        patch("application/json", "{\"lastName\":\"X\"}").patch(BUYER).then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:signer-state-conflict"));
        patch("application/json", "{\"lastName\":\"X\"}")
                .patch(Requests.PATH + "/" + VendorStubs.SESSION_ID + "/signers/no-such-signer").then().statusCode(404);
        assertThat(VendorStubs.count(vendor, putRequestedFor(urlPathEqualTo(UPDATE)))).isZero();
    }

    @Test
    void aReinvitationThatFailsAfterTheCorrectionIsA200ThatSaysSo() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        vendor.stubFor(put(urlPathEqualTo(UPDATE)).willReturn(VendorStubs.returnValue("True")));
        vendor.stubFor(put(urlPathEqualTo("/rest/v1/signers/invite")).willReturn(VendorStubs.returnValue("True")));
        patch("application/json", "{\"firstName\":\"Beatrice\"}").queryParam("resendInvitation", true).patch(BUYER)
                .then().statusCode(200).body("invitation", equalTo("SENT"));

        vendor.stubFor(put(urlPathEqualTo("/rest/v1/signers/invite"))
                .willReturn(VendorStubs.error("Error: Invitation could not be sent.")));
        patch("application/json", "{\"firstName\":\"Beatrice\"}").queryParam("resendInvitation", true).patch(BUYER)
                .then().statusCode(200).body("invitation", equalTo("FAILED"))
                .body("invitationProblem", org.hamcrest.Matchers.containsString("the correction was made"));
        assertThat(VendorStubs.count(vendor, putRequestedFor(urlPathEqualTo(UPDATE)))).isEqualTo(2);
    }
}
