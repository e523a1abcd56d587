package com.esigngateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.security.DebugLogsProfile;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.ObjectMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Every change and every refusal by the ownership checks writes one JSON record on the log category
 * {@code esign.audit}: time, client, operation, session id, owner, status, outcome, request id — and no secret, with
 * the gateway's logging at DEBUG. Reads that pass write none.
 */
@QuarkusTest
@TestProfile(DebugLogsProfile.class)
@WithTestResource(VendorWireMock.class)
class AuditLogTest extends HealthyVendorTest {

    static final String OWN = VendorStubs.SESSION_ID;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCancelIsAuditedWithItsClientAndNoSecret() throws Exception {
        vendor.stubFor(VendorStubs.getSession(OWN).willReturn(VendorStubs.sessionDetails(OWN, "agent@example.com")));
        vendor.stubFor(put(urlPathMatching("/rest/v1/sessions/[^/]+/cancel")).willReturn(VendorStubs.returnValue("True")));
        LogCapture logs = LogCapture.install();
        try {
            RestAssured.given().header("X-API-Key", DebugLogsProfile.CRM_KEY).header("X-Request-Id", "req-audit-1")
                    .contentType("application/json").body("{}").post(Requests.PATH + "/" + OWN + "/cancel")
                    .then().statusCode(200);
            RestAssured.given().header("X-API-Key", DebugLogsProfile.CRM_KEY).header("X-Request-Id", "req-audit-read")
                    .get(Requests.PATH + "/" + OWN).then().statusCode(200);
        } finally {
            logs.uninstall();
        }
        List<Map<String, Object>> records = records(logs);
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).containsEntry("client", "crm").containsEntry("operation", "cancel")
                .containsEntry("sessionId", OWN).containsEntry("owner", "agent@example.com")
                .containsEntry("status", 200).containsEntry("outcome", "done").containsEntry("requestId", "req-audit-1")
                .containsKey("time");
        assertThat(logs.lines()).as("DEBUG lines were captured too").anySatisfy(line ->
                assertThat(line).startsWith("com.esigngateway"));
        assertThat(logs.linesContainingAnyOf(List.of(DebugLogsProfile.CRM_KEY, VendorStubs.TOKEN,
                VendorWireMock.API_KEY, VendorStubs.ENCRYPTED_KEY))).isEmpty();
    }

    @Test
    void purgesAreAuditedWaitingOrAtOnceAndARefusedCallOffAsFailed() throws Exception {
        vendor.stubFor(VendorStubs.getSession(OWN).willReturn(VendorStubs.sessionDetails(OWN, "agent@example.com", 3)));
        vendor.stubFor(put(urlPathMatching("/rest/v1/sessions/[^/]+/purge")).willReturn(VendorStubs.returnValue("True")));
        vendor.stubFor(put(urlPathMatching("/rest/v1/sessions/cancelPurging/[^/]+"))
                .willReturn(VendorStubs.error("Error: The session is not waiting to be purged.")));
        LogCapture logs = LogCapture.install();
        try {
            for (String body : List.of("{}", "{\"now\":true}")) {
                RestAssured.given().header("X-API-Key", DebugLogsProfile.CRM_KEY).contentType("application/json")
                        .body(body).post(Requests.PATH + "/" + OWN + "/purge").then().statusCode(202);
            }
            RestAssured.given().header("X-API-Key", DebugLogsProfile.CRM_KEY).contentType("application/json")
                    .post(Requests.PATH + "/" + OWN + "/purge/cancel").then().statusCode(409);
        } finally {
            logs.uninstall();
        }
        List<Map<String, Object>> records = records(logs);
        assertThat(records).extracting(record -> record.get("operation"))
                .containsExactly("purge", "purge-now", "purge-cancel");
        assertThat(records).extracting(record -> record.get("outcome")).containsExactly("done", "done", "failed");
        assertThat(records).allSatisfy(record -> assertThat(record).containsEntry("client", "crm")
                .containsEntry("sessionId", OWN).containsEntry("owner", "agent@example.com"));
        assertThat(records.get(2)).containsEntry("status", 409);
    }

    @Test
    void refusalsByTheOwnershipChecksAreAudited() throws Exception {
        vendor.stubFor(VendorStubs.getSession(OWN).willReturn(VendorStubs.sessionDetails(OWN, "agent@example.com")));
        LogCapture logs = LogCapture.install();
        try {
            RestAssured.given().header("X-API-Key", DebugLogsProfile.HR_KEY).header("X-Request-Id", "req-audit-2")
                    .get(Requests.PATH + "/" + OWN + "/audit-trail").then().statusCode(404);
            RestAssured.given().header("X-API-Key", DebugLogsProfile.HR_KEY).header("X-Request-Id", "req-audit-3")
                    .contentType("application/json").body(com.esigngateway.testing.Contract.json(com.esigngateway.testing.Contract.exampleRequest())).post(Requests.PATH)
                    .then().statusCode(403);
        } finally {
            logs.uninstall();
        }
        List<Map<String, Object>> records = records(logs);
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsEntry("client", "hr").containsEntry("operation", "audit-trail")
                .containsEntry("sessionId", OWN).containsEntry("status", 404).containsEntry("outcome", "refused")
                .containsEntry("requestId", "req-audit-2");
        assertThat(records.get(1)).containsEntry("client", "hr").containsEntry("operation", "create")
                .containsEntry("owner", "agent@example.com").containsEntry("status", 403)
                .containsEntry("outcome", "refused").containsEntry("requestId", "req-audit-3");
        assertThat(logs.linesContainingAnyOf(List.of(DebugLogsProfile.HR_KEY, "JVBERi0"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> records(LogCapture logs) throws Exception {
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (String line : logs.lines()) {
            if (line.startsWith(AuditLog.CATEGORY + " ")) {
                records.add(JSON.readValue(line.substring(line.indexOf("{\"time\"")), Map.class));
            }
        }
        return records;
    }
}
