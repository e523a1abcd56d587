package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Purging a finished session's documents and calling a waiting purge off, against the vendor's PurgeSessionDocs and
 * CancelPurgingSession, every exchange checked against the contract both ways. Runs against the packaged application
 * too ({@code PurgeSigningSessionIT}).
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class PurgeSigningSessionTest extends HealthyVendorTest {

    static final String SESSION = Requests.PATH + "/" + VendorStubs.SESSION_ID;
    static final String PURGE = VendorStubs.SESSION + "/purge";
    static final String CANCEL_PURGING = "/rest/v1/sessions/cancelPurging/" + VendorStubs.SESSION_ID;
    static final int COMPLETED = 3;
    static final int PURGED = 8;

    @Test
    void aCompletedSessionIsPurgedAfterTheWaitingPeriodOrAtOnce() {
        vendor.stubFor(VendorStubs.getSession().inScenario("p").whenScenarioStateIs(STARTED)
                .willReturn(VendorStubs.sessionDetails(COMPLETED, 4, null)));
        vendor.stubFor(put(urlPathEqualTo(PURGE)).withQueryParam("purgeNow", WireMock.equalTo("false")).inScenario("p")
                .willReturn(VendorStubs.returnValue("True")));
        vendor.stubFor(put(urlPathEqualTo(PURGE)).withQueryParam("purgeNow", WireMock.equalTo("true")).inScenario("p")
                .willReturn(VendorStubs.returnValue("True")).willSetStateTo("purged"));
        vendor.stubFor(VendorStubs.getSession().inScenario("p").whenScenarioStateIs("purged")
                .willReturn(VendorStubs.sessionDetails(PURGED, 4, null)));

        Requests.conforming().post(SESSION + "/purge").then().statusCode(202)
                .body("id", equalTo(VendorStubs.SESSION_ID)).body("status", equalTo("COMPLETED"));
        vendor.verify(1, putRequestedFor(urlPathEqualTo(PURGE)).withQueryParam("purgeNow", WireMock.equalTo("false")));

        Requests.conforming().body(Map.of("now", true)).post(SESSION + "/purge").then().statusCode(202)
                .body("status", equalTo("PURGED")).body("statusCode", equalTo(PURGED));
        vendor.verify(1, putRequestedFor(urlPathEqualTo(PURGE)).withQueryParam("purgeNow", WireMock.equalTo("true"))
                .withHeader("Authorization", WireMock.equalTo(VendorStubs.TOKEN)));
    }

    @Test
    void onlyACompletedExpiredOrCancelledSessionIsPurgedAndNothingIsSentOtherwise() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(2, 2, null)));
        Requests.conforming().body(Map.of("now", true)).post(SESSION + "/purge").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:session-state-conflict"))
                .body("detail", equalTo("The session is SENT; only a completed, expired or cancelled session can be purged."));
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(PURGED, 4, null)));
        Requests.conforming().post(SESSION + "/purge").then().statusCode(409)
                .body("detail", equalTo("The session is PURGED; only a completed, expired or cancelled session can be purged."));
        Requests.conforming().post(SESSION + "/purge/cancel").then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:session-state-conflict"));
        assertThat(VendorStubs.count(vendor, putRequestedFor(WireMock.anyUrl()))).isZero();
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {COMPLETED, 4, 7})
    void completedCancelledAndExpiredSessionsArePurged(int status) {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(status, 4, null)));
        vendor.stubFor(put(urlPathEqualTo(PURGE)).willReturn(VendorStubs.returnValue("True")));
        Requests.conforming().post(SESSION + "/purge").then().statusCode(202).body("statusCode", equalTo(status));
        vendor.verify(1, putRequestedFor(urlPathEqualTo(PURGE)));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {1, 2, 5, 6, PURGED, 9, 42})
    void noOtherStateIsPurgedNorSparedAPurge(int status) {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(status, 4, null)));
        Requests.conforming().post(SESSION + "/purge").then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:session-state-conflict"));
        Requests.conforming().post(SESSION + "/purge/cancel").then().statusCode(409);
        assertThat(VendorStubs.count(vendor, putRequestedFor(WireMock.anyUrl()))).isZero();
    }

    /** The vendor's answer to a call-off is undocumented: every way it could say no is a no. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"ReturnValue\":\"False\"}", "{\"ReturnValue\":false}", "\"false\"", "false"})
    void everyWayOfSayingNoIsAConflict(String answer) {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(COMPLETED, 4, null)));
        vendor.stubFor(put(urlPathEqualTo(CANCEL_PURGING)).willReturn(VendorStubs.json(answer)));
        Requests.conforming().post(SESSION + "/purge/cancel").then().statusCode(409)
                .body("detail", equalTo("No purge of this session is waiting."));
    }

    @Test
    void theVendorsRefusalOfAPurgeIsAConflictInItsOwnWords() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(COMPLETED, 4, null)));
        vendor.stubFor(put(urlPathEqualTo(PURGE)).willReturn(VendorStubs.error("Error: The session is already to be purged.")));
        Requests.conforming().post(SESSION + "/purge").then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:session-state-conflict"))
                .body("detail", containsString("already to be purged"));

        vendor.stubFor(put(urlPathEqualTo(PURGE)).willReturn(VendorStubs.returnValue("False")));
        Requests.conforming().post(SESSION + "/purge").then().statusCode(409)
                .body("detail", equalTo("The vendor did not accept the purge."));
        vendor.verify(2, putRequestedFor(urlPathEqualTo(PURGE)));
    }

    @Test
    void aWaitingPurgeIsCalledOffAndCallingItOffAgainIsAConflict() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(COMPLETED, 4, null)));
        vendor.stubFor(put(urlPathEqualTo(CANCEL_PURGING)).inScenario("c").whenScenarioStateIs(STARTED)
                .willReturn(VendorStubs.returnValue("True")).willSetStateTo("called off"));
        vendor.stubFor(put(urlPathEqualTo(CANCEL_PURGING)).inScenario("c").whenScenarioStateIs("called off")
                .willReturn(VendorStubs.error("Error: The session is not waiting to be purged.")));

        Requests.conforming().post(SESSION + "/purge/cancel").then().statusCode(202)
                .body("status", equalTo("COMPLETED"));
        Requests.conforming().post(SESSION + "/purge/cancel").then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:session-state-conflict"))
                .body("detail", containsString("not waiting to be purged"));
        vendor.verify(2, putRequestedFor(urlPathEqualTo(CANCEL_PURGING)));
    }

    @Test
    void anUnknownSessionIsA404AndNothingIsSent() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.error("Error: Session not found.")));
        Requests.conforming().post(SESSION + "/purge").then().statusCode(404)
                .body("type", equalTo("urn:esign-gateway:problem:session-not-found"));
        Requests.conforming().post(SESSION + "/purge/cancel").then().statusCode(404);
        assertThat(VendorStubs.count(vendor, putRequestedFor(WireMock.anyUrl()))).isZero();
    }

    @Test
    void purgingNeedsItsOwnRole() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(COMPLETED, 4, null)));
        for (String path : new String[] {"/purge", "/purge/cancel"}) {
            RestAssured.given().header("X-API-Key", Requests.READER_KEY).contentType("application/json")
                    .post(SESSION + path).then().statusCode(403)
                    .body("type", equalTo("urn:esign-gateway:problem:forbidden"));
        }
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo(VendorStubs.SESSION)))).isZero();
        assertThat(VendorStubs.count(vendor, putRequestedFor(WireMock.anyUrl()))).isZero();
    }
}
