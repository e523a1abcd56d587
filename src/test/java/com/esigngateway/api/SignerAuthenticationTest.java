package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Signer authentication as the vendor takes it: a password with any method (its own sample sets one on a KBA
 * signer), and the phone number SMS needs. Runs against the packaged application too ({@code *IT}).
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class SignerAuthenticationTest extends HealthyVendorTest {

    static final String PHONE = "+14155550123";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestShapedLikeTheVendorsSampleIsPassedOnWithTheKbaSignersPassword() throws Exception {
        Requests.create(vendorSample()).statusCode(201)
                .body("id", equalTo(VendorStubs.SESSION_ID))
                .body(not(containsString("sample-signer-pw")));

        JsonNode signers = sentSession().path("Signers");
        assertThat(signers.get(0).path("SignerRole").asText()).isEqualTo("Seller 1");
        assertThat(signers.get(0).path("AuthMethod").asInt(-1)).isEqualTo(2); // the KBA code
        assertThat(signers.get(0).path("AuthenticationSettings")).isEqualTo(JSON.readTree("{\"Password\":\"sample-signer-pw\"}"));
        assertThat(signers.get(0).path("MandateDocUpload").asBoolean()).isTrue();
        assertThat(signers.get(1).path("AuthMethod").asInt(-1)).isEqualTo(2);
        assertThat(signers.get(1).has("AuthenticationSettings")).isFalse();
    }

    @Test
    void aPasswordIsPassedOnWithEveryMethodAndWithoutOne() throws Exception {
        for (String method : new String[] {"NONE", "PASSWORD", "KBA", "KBA_PLUS_PASSWORD", "SMS", null}) {
            VendorStubs.healthy(vendor);
            ObjectNode request = Contract.exampleRequest();
            ObjectNode authentication = buyer(request).putObject("authentication").put("password", "pw-" + method);
            if (method != null) {
                authentication.put("method", method);
            }
            if ("SMS".equals(method)) {
                authentication.put("phone", PHONE);
            }
            Requests.create(request).statusCode(201);

            JsonNode sent = sentSession().path("Signers").get(1);
            assertThat(sent.path("AuthenticationSettings").path("Password").asText()).as(method).isEqualTo("pw-" + method);
            assertThat(sent.has("AuthMethod")).as(method).isEqualTo(method != null);
        }
    }

    @Test
    void passwordMethodsStillNeedAPassword() {
        ObjectNode request = Contract.exampleRequest();
        ((ObjectNode) request.withArray("signers").get(0)).putObject("authentication").put("method", "KBA_PLUS_PASSWORD");
        buyer(request).putObject("authentication").put("method", "PASSWORD").put("phone", PHONE);
        Requests.raw().body(Contract.json(request)).when().post(Requests.PATH).then().statusCode(400)
                .body("violations", equalTo(List.of(
                        Map.of("field", "signers[0].authentication.password", "message", "is required for KBA_PLUS_PASSWORD"),
                        Map.of("field", "signers[1].authentication.password", "message", "is required for PASSWORD"))));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void anSmsSignersPhoneReachesTheVendorUnderTheDefaultFieldName() throws Exception {
        ObjectNode request = Contract.exampleRequest();
        buyer(request).putObject("authentication").put("method", "SMS").put("phone", PHONE);
        Requests.create(request).statusCode(201).body(not(containsString(PHONE)));

        JsonNode buyer = sentSession().path("Signers").get(1);
        assertThat(buyer.path("AuthMethod").asInt(-1)).isEqualTo(4); // the SMS code
        assertThat(buyer.path("AuthenticationSettings")).isEqualTo(JSON.readTree("{\"PhoneNumber\":\"" + PHONE + "\"}"));
    }

    @Test
    void aPhoneIsPassedOnWithOtherMethodsToo() throws Exception {
        ObjectNode request = Contract.exampleRequest();
        buyer(request).putObject("authentication").put("method", "KBA").put("password", "pw").put("phone", PHONE);
        Requests.create(request).statusCode(201);

        assertThat(sentSession().path("Signers").get(1).path("AuthenticationSettings"))
                .isEqualTo(JSON.readTree("{\"Password\":\"pw\",\"PhoneNumber\":\"" + PHONE + "\"}"));
    }

    @Test
    void smsWithoutAPhoneIsRefusedNamingTheField() {
        ObjectNode request = Contract.exampleRequest();
        buyer(request).putObject("authentication").put("method", "SMS");
        Requests.raw().body(Contract.json(request)).when().post(Requests.PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations", equalTo(List.of(Map.of("field", "signers[1].authentication.phone", "message", "is required for SMS"))));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void aPhoneThatIsNotE164IsRefusedWithoutBeingEchoed() {
        for (String phone : new String[] {"+1 415 555 0123", "4930901820", "+1234567", "+1234567890123456", "+04155550123",
                "+1415555012x", ""}) {
            ObjectNode request = Contract.exampleRequest();
            buyer(request).putObject("authentication").put("method", "SMS").put("phone", phone);
            String answer = Requests.raw().body(Contract.json(request)).when().post(Requests.PATH).then().statusCode(400)
                    .body("violations", equalTo(List.of(Map.of("field", "signers[1].authentication.phone",
                            "message", "must be an E.164 phone number: + and 8 to 15 digits, no spaces, such as +14155550123"))))
                    .extract().asString();
            if (!phone.isEmpty()) {
                assertThat(answer).as(phone).doesNotContain(phone);
            }
        }
        for (String phone : new String[] {"+12345678", "+123456789012345"}) { // 8 and 15 digits
            ObjectNode request = Contract.exampleRequest();
            buyer(request).putObject("authentication").put("method", "SMS").put("phone", phone);
            Requests.create(request).statusCode(201);
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(2);
    }

    /** The vendor's CreateSession sample (its values), in the gateway's vocabulary. */
    static ObjectNode vendorSample() throws Exception {
        String expiresAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString();
        String content = Base64.getEncoder().encodeToString(new byte[] {80, 75, 3, 4});
        return (ObjectNode) JSON.readTree("""
                {"owner":"agent@example.com","title":"New Session","transactionId":"New Session",
                 "signingOrder":"PARALLEL","allowDelegation":true,
                 "ccRecipients":["user1@example.com","user2@example.com"],"password":"sample-session-pw",
                 "ownerSignsFirst":true,"ccDelivery":"ATTACHMENTS","sendInvites":false,
                 "senderRedirectUrl":"https://www.mysite.com","expiresAt":"%s","reminderFrequencyDays":2,
                 "documents":[{"fileName":"Test.docx","content":"%s",
                               "anchorTags":{"enabled":true,"adjustmentCategory":"predefined client specific category"}}],
                 "signers":[
                   {"email":"email1@example.com","firstName":"FirstName","lastName":"LastName","role":"Seller 1",
                    "authentication":{"method":"KBA","password":"sample-signer-pw"},"requireDocumentUpload":true,
                    "mergeFields":{"CompanyName":"RED","Job Title":"Manager"},
                    "invitation":{"subject":"subject line","message":"email message"}},
                   {"email":"email2@example.com","firstName":"FirstName","lastName":"LastName","role":"Buyer 1",
                    "authentication":{"method":"KBA"},
                    "invitation":{"subject":"subject line","message":"email message"}}]}
                """.formatted(expiresAt, content));
    }

    static ObjectNode buyer(ObjectNode request) {
        return (ObjectNode) request.withArray("signers").get(1);
    }

    /** The {@code session} of the one CreateSession body the vendor received. */
    JsonNode sentSession() throws Exception {
        var sent = vendor.findAll(postRequestedFor(urlEqualTo(VendorStubs.SESSIONS)));
        assertThat(sent).hasSize(1);
        return JSON.readTree(new String(sent.get(0).getBody(), StandardCharsets.UTF_8)).path("session");
    }
}
