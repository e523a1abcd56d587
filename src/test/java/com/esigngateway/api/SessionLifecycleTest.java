package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * After creation: read, list, cancel, re-invite, renew the continue link, a signer's link and the audit trail, each
 * against the vendor's documented call, every exchange checked against the contract both ways. Runs against the
 * packaged application too ({@code SessionLifecycleIT}).
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class SessionLifecycleTest extends HealthyVendorTest {

    static final String SESSION = Requests.PATH + "/" + VendorStubs.SESSION_ID;

    @Test
    void theLocationOfACreatedSessionAnswersWithItsStatusAndSigners() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 6, "The price is wrong")));
        String location = Requests.create(Contract.exampleRequest()).statusCode(201).extract().header("Location");

        Requests.conforming().get(location).then().statusCode(200)
                .body("id", equalTo(VendorStubs.SESSION_ID))
                .body("title", equalTo("Purchase agreement - 12 Elm Street"))
                .body("transactionId", equalTo("TX-2026-0042"))
                .body("owner", equalTo("agent@example.com"))
                .body("status", equalTo("SENT")).body("statusCode", equalTo(2))
                .body("expiresAt", equalTo("2027-01-01T00:00:00Z"))
                .body("documents.fileName", contains("purchase-agreement.pdf"))
                .body("signers.id", contains(VendorStubs.SELLER_ID, VendorStubs.BUYER_ID))
                .body("signers.status", contains("COMPLETED", "DECLINED"))
                .body("signers.statusCode", contains(4, 6))
                .body("signers[1].declineReason", equalTo("The price is wrong"))
                .body("signers[0].declineReason", nullValue())
                .body("continueUrl", nullValue());
        vendor.verify(getRequestedFor(urlPathEqualTo(VendorStubs.SESSION))
                .withHeader("Authorization", WireMock.equalTo(VendorStubs.TOKEN)));
    }

    @Test
    void aStatusCodeTheGatewayDoesNotKnowIsUnknownWithTheCode() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(42, 9, null)));
        Requests.conforming().get(SESSION).then().statusCode(200)
                .body("status", equalTo("UNKNOWN")).body("statusCode", equalTo(42))
                .body("signers[1].status", equalTo("UNKNOWN")).body("signers[1].statusCode", equalTo(9));
    }

    @Test
    void anUnknownSessionIsA404Problem() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.error("Error: Session not found.")));
        Requests.conforming().get(SESSION).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:session-not-found"));
    }

    @Test
    void aReadIsRetriedAfterAVendorOutageButAWriteIsNot() {
        vendor.stubFor(VendorStubs.getSession().inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        vendor.stubFor(VendorStubs.getSession().inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(VendorStubs.sessionDetails(2, 2, null)));
        Requests.conforming().get(SESSION).then().statusCode(200).body("status", equalTo("SENT"));
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo(VendorStubs.SESSION)))).isEqualTo(2);

        vendor.stubFor(put(urlPathEqualTo(VendorStubs.SESSION + "/cancel")).willReturn(aResponse().withStatus(503)));
        Requests.conforming().post(SESSION + "/cancel").then().statusCode(502);
        assertThat(VendorStubs.count(vendor, putRequestedFor(urlPathEqualTo(VendorStubs.SESSION + "/cancel")))).isEqualTo(1);
    }

    @Test
    void theTransactionListIsAPageOfTheVendorsLiteSessions() {
        String lite = "/rest/v1/sessions/lite/agent@example.com/TX-2026-0042/10/2/sortBy";
        vendor.stubFor(get(urlPathEqualTo(lite)).willReturn(VendorStubs.json("{\"TotalCount\":21,\"Sessions\":["
                + "{\"SigningSessionId\":\"" + VendorStubs.SESSION_ID + "\",\"Title\":\"T\",\"TransactionId\":\"TX-2026-0042\",\"StatusCode\":3}]}")));

        Requests.conforming().queryParam("owner", "agent@example.com").queryParam("transactionId", "TX-2026-0042")
                .queryParam("page", 2).queryParam("limit", 10).get(Requests.PATH).then().statusCode(200)
                .body("items.id", contains(VendorStubs.SESSION_ID)).body("items[0].status", equalTo("COMPLETED"))
                .body("page", equalTo(2)).body("limit", equalTo(10)).body("total", equalTo(21));
        vendor.verify(getRequestedFor(urlPathEqualTo(lite)).withQueryParam("colName", WireMock.equalTo("CreatedOn"))
                .withQueryParam("sortOrder", WireMock.equalTo("desc")));
        Requests.raw().queryParam("owner", "agent@example.com").queryParam("transactionId", "TX")
                .queryParam("limit", 51).get(Requests.PATH).then().statusCode(400)
                .body("violations[0].field", equalTo("query limit"));
    }

    @Test
    void cancelCancelsASentSessionAndIsIdempotentAndRefusesAFinishedOne() {
        String cancel = VendorStubs.SESSION + "/cancel";
        vendor.stubFor(VendorStubs.getSession().inScenario("c").whenScenarioStateIs(STARTED)
                .willReturn(VendorStubs.sessionDetails(2, 2, null)));
        vendor.stubFor(put(urlPathEqualTo(cancel)).inScenario("c").willReturn(VendorStubs.returnValue("True"))
                .willSetStateTo("cancelled"));
        vendor.stubFor(VendorStubs.getSession().inScenario("c").whenScenarioStateIs("cancelled")
                .willReturn(VendorStubs.sessionDetails(4, 5, null)));

        Requests.conforming().body(Map.of("returnUrl", "https://app.example.com/cancelled"))
                .post(SESSION + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        vendor.verify(1, putRequestedFor(urlPathEqualTo(cancel))
                .withQueryParam("returnURL", WireMock.equalTo("https://app.example.com/cancelled")));

        Requests.conforming().post(SESSION + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        vendor.verify(1, putRequestedFor(urlPathEqualTo(cancel))); // already cancelled: not sent again

        vendor.stubFor(VendorStubs.getSession().atPriority(1).willReturn(VendorStubs.sessionDetails(3, 4, null)));
        Requests.conforming().post(SESSION + "/cancel").then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:session-state-conflict"))
                .body("detail", equalTo("The session is COMPLETED; only a draft, sent or paused session can be cancelled."));
        vendor.verify(1, putRequestedFor(urlPathEqualTo(cancel)));
    }

    @Test
    void invitationsGoToAllSignersOrTheNamedOnesAndUnknownIdsAreRefused() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        vendor.stubFor(put(urlPathEqualTo("/rest/v1/signers/invite")).willReturn(VendorStubs.returnValue("True")));

        Requests.conforming().post(SESSION + "/invitations").then().statusCode(202)
                .body("signerIds", contains(VendorStubs.SELLER_ID, VendorStubs.BUYER_ID));
        // an empty body, as Swagger UI sends it: every signer too (the generated model cannot tell absent from empty)
        Requests.conforming().body("{}").post(SESSION + "/invitations").then().statusCode(202)
                .body("signerIds", contains(VendorStubs.SELLER_ID, VendorStubs.BUYER_ID));
        Requests.conforming().body(Map.of("signerIds", List.of())).post(SESSION + "/invitations").then().statusCode(202)
                .body("signerIds", contains(VendorStubs.SELLER_ID, VendorStubs.BUYER_ID));
        Requests.conforming().body(Map.of("signerIds", List.of(VendorStubs.BUYER_ID))).post(SESSION + "/invitations")
                .then().statusCode(202).body("signerIds", contains(VendorStubs.BUYER_ID));
        vendor.verify(putRequestedFor(urlPathEqualTo("/rest/v1/signers/invite")).withRequestBody(equalToJson(
                "{\"signerList\":[{\"SignerId\":\"" + VendorStubs.BUYER_ID + "\",\"EmailAddress\":\"buyer@example.com\","
                        + "\"FirstName\":\"Bea\",\"LastName\":\"Buyer\",\"SignerRole\":\"Buyer 1\"}],"
                        + "\"signingSessionId\":\"" + VendorStubs.SESSION_ID + "\"}")));

        Requests.raw().body(Map.of("signerIds", List.of("not-a-signer"))).post(SESSION + "/invitations")
                .then().statusCode(400).body("violations[0].field", equalTo("signerIds[0]"));
        vendor.stubFor(put(urlPathEqualTo("/rest/v1/signers/invite")).willReturn(VendorStubs.json(
                "{\"ReturnValue\":null,\"Details\":\"Error: The session is not active.\"}")));
        Requests.conforming().post(SESSION + "/invitations").then().statusCode(422)
                .body("detail", equalTo("Error: The session is not active."));
    }

    @Test
    void aFreshContinueLinkCarriesTheCurrentTokenAndTheOwner() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        Requests.conforming().post(SESSION + "/continue-link").then().statusCode(200)
                .body("sessionId", equalTo(VendorStubs.SESSION_ID))
                .body("continueUrl", equalTo(VendorStubs.LANDING_URL + "token=" + VendorStubs.TOKEN
                        + "&user=agent%40example.com&ssid=" + VendorStubs.SESSION_ID + "&page=continue"));
    }

    @Test
    void aSignerLinkUsesTheSignersTokenInTheTemplate() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        vendor.stubFor(get(urlPathEqualTo("/rest/v1/signers/" + VendorStubs.BUYER_ID + "/token"))
                .willReturn(VendorStubs.returnValue("SIGNER/TOKEN")));
        Requests.conforming().post(SESSION + "/signers/" + VendorStubs.BUYER_ID + "/link").then().statusCode(200)
                .body("url", equalTo(VendorStubs.LANDING_URL + "token=SIGNER%2FTOKEN&ssid=" + VendorStubs.SESSION_ID
                        + "&signer=" + VendorStubs.BUYER_ID + "&page=sign"));
        Requests.conforming().post(SESSION + "/signers/33333333-3333-3333-3333-333333333333/link").then().statusCode(404);
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathMatching("/rest/v1/signers/.*/token")))).isEqualTo(1);
    }

    @Test
    void theAuditTrailIsTheVendorsActionLog() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        vendor.stubFor(get(urlPathEqualTo(VendorStubs.SESSION + "/actionlogs")).willReturn(VendorStubs.json(
                "{\"ActionLogs\":[{\"ActionDate\":\"\\/Date(1796119200000)\\/\",\"IPAddress\":\"203.0.113.7\","
                        + "\"Description\":\"Session sent to signers\"}]}")));
        Requests.conforming().get(SESSION + "/audit-trail").then().statusCode(200)
                .body("entries[0].at", equalTo("2026-12-01T10:00:00Z"))
                .body("entries[0].ipAddress", equalTo("203.0.113.7"))
                .body("entries[0].description", equalTo("Session sent to signers"));
    }

    @Test
    void aReadOnlyClientMayReadButNotAct() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        io.restassured.RestAssured.given().header("X-API-Key", Requests.READER_KEY).get(SESSION).then().statusCode(200);
        io.restassured.RestAssured.given().header("X-API-Key", Requests.READER_KEY).contentType("application/json")
                .post(SESSION + "/cancel").then()
                .statusCode(403).body("type", equalTo("urn:esign-gateway:problem:forbidden"));
        io.restassured.RestAssured.given().header("X-API-Key", Requests.READER_KEY).contentType("application/json")
                .body(Contract.json(Contract.exampleRequest())).post(Requests.PATH).then().statusCode(403);
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }
}
