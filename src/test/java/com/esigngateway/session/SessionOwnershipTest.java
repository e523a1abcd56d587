package com.esigngateway.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.esigngateway.security.DebugLogsProfile;
import com.esigngateway.security.Roles;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.TestJwts;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * The object-level check, as a matrix: every session operation × (the caller's own session, another client's session,
 * an unknown id) × (an API key, a JWT). Another client's session answers exactly as an unknown id does — status,
 * content type, body but for its request id — and the vendor receives the same thing for both: one GetSession, and
 * nothing that changes the session. Creating or listing for another owner is a 403 with no vendor call. Against the
 * packaged application too ({@code SessionOwnershipIT}).
 */
@QuarkusTest
@TestProfile(DebugLogsProfile.class)
@WithTestResource(VendorWireMock.class)
class SessionOwnershipTest extends HealthyVendorTest {

    static final String OWN = VendorStubs.SESSION_ID;
    static final String FOREIGN = "7a7a7a7a-1b1b-4c4c-8d8d-9e9e9e9e9e9e";
    static final String UNKNOWN = "00000000-dead-4bee-8f00-000000000000";
    static final String OWNERLESS = "0a0a0a0a-2b2b-4c4c-8d8d-3e3e3e3e3e3e";

    /**
     * One session operation: its method, its path after the session's, its body, its status on success, and the
     * sessions' status it succeeds in (sent; completed for purges, so that only the ownership check can stop them).
     */
    record Operation(String name, String method, String suffix, String body, int success, int sessionStatus) {

        Operation(String name, String method, String suffix, String body, int success) {
            this(name, method, suffix, body, success, 2);
        }
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation("read", "GET", "", null, 200),
            new Operation("cancel", "POST", "/cancel", "{}", 200),
            new Operation("invitations", "POST", "/invitations", "{}", 202),
            new Operation("continue-link", "POST", "/continue-link", null, 200),
            new Operation("signer-link", "POST", "/signers/" + VendorStubs.BUYER_ID + "/link", null, 200),
            new Operation("audit-trail", "GET", "/audit-trail", null, 200),
            new Operation("correct-signer", "PATCH", "/signers/" + VendorStubs.BUYER_ID, "{\"lastName\":\"Buyer-Smith\"}",
                    200),
            new Operation("purge", "POST", "/purge", "{\"now\":true}", 202, 3),
            new Operation("purge-cancel", "POST", "/purge/cancel", null, 202, 3),
            new Operation("signed-documents", "GET", "/documents/signed", null, 200, 3),
            new Operation("signer-uploads", "GET", "/signers/" + VendorStubs.BUYER_ID + "/uploads", null, 200),
            new Operation("signer-upload", "GET", "/signers/" + VendorStubs.BUYER_ID + "/uploads/1", null, 200));

    /** A caller: how it authenticates. */
    record As(String name, java.util.function.Supplier<RequestSpecification> request) {
    }

    static final List<As> CALLERS = List.of(
            new As("API key crm", () -> RestAssured.given().header("X-API-Key", DebugLogsProfile.CRM_KEY)),
            new As("JWT for agent@example.com", () -> RestAssured.given().header("Authorization", "Bearer "
                    + jwt(List.of("agent@example.com")))));

    static String jwt(List<String> owners) {
        return Jwt.issuer(TestJwts.ISSUER).audience(TestJwts.AUDIENCE).upn("portal")
                .groups(Set.of(Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_PURGE)).claim(TestJwts.OWNERS_CLAIM, owners).sign(TestJwts.privateKey());
    }

    void vendorWithThreeSessions() {
        vendorWithThreeSessions(2);
    }

    void vendorWithThreeSessions(int status) {
        vendor.stubFor(VendorStubs.getSession(OWN).willReturn(VendorStubs.sessionDetails(OWN, "agent@example.com", status)));
        vendor.stubFor(VendorStubs.getSession(FOREIGN).willReturn(VendorStubs.sessionDetails(FOREIGN, "clerk@hr.example",
                status)));
        vendor.stubFor(VendorStubs.getSession(UNKNOWN).willReturn(VendorStubs.error("Error: Session not found.")));
        vendor.stubFor(VendorStubs.getSession(OWNERLESS).willReturn(VendorStubs.sessionDetails(OWNERLESS, null, status)));
        vendor.stubFor(put(urlPathMatching("/rest/v1/sessions/[^/]+/cancel")).willReturn(VendorStubs.returnValue("True")));
        vendor.stubFor(put(urlPathMatching("/rest/v1/sessions/[^/]+/purge")).willReturn(VendorStubs.returnValue("True")));
        vendor.stubFor(put(urlPathMatching("/rest/v1/sessions/cancelPurging/[^/]+")).willReturn(VendorStubs.returnValue("True")));
        vendor.stubFor(put(urlPathEqualTo("/rest/v1/signers/invite")).willReturn(VendorStubs.returnValue("True")));
        vendor.stubFor(put(urlPathEqualTo("/rest/v1/signers")).willReturn(VendorStubs.returnValue("True")));
        vendor.stubFor(get(urlPathMatching("/rest/v1/signers/[^/]+/token")).willReturn(VendorStubs.returnValue("SIGNER-TOKEN")));
        vendor.stubFor(get(urlPathMatching("/rest/v1/signer/docs/.*")).willReturn(VendorStubs.json(
                "{\"SignerDocuments\":[{\"FileName\":\"scan.pdf\",\"FileBytes\":[37,80,68,70]}]}")));
        vendor.stubFor(get(urlPathMatching("/rest/v1/sessions/[^/]+/files")).willReturn(VendorStubs.json(
                "{\"Documents\":[{\"FileName\":\"signed.pdf\",\"FileBytes\":[37,80,68,70]}]}")));
        vendor.stubFor(get(urlPathMatching("/rest/v1/sessions/[^/]+/actionlogs")).willReturn(VendorStubs.json(
                "{\"ActionLogs\":[{\"ActionDate\":\"\\/Date(1796119200000)\\/\",\"IPAddress\":\"203.0.113.7\","
                        + "\"Description\":\"Session sent to signers\"}]}")));
    }

    static Response call(RequestSpecification request, Operation operation, String sessionId) {
        RequestSpecification spec = request.contentType("application/json");
        if (operation.body() != null) {
            spec = spec.body(operation.body());
        }
        return spec.request(operation.method(), Requests.PATH + "/" + sessionId + operation.suffix());
    }

    /** What the vendor received, but the token: method and path of each request. */
    List<String> vendorReceived() {
        List<String> seen = new ArrayList<>();
        for (LoggedRequest request : vendor.findAll(anyRequestedFor(anyUrl()))) {
            String path = request.getUrl().replaceAll("\\?.*", "");
            if (!path.startsWith("/rest/v1/encrypt/") && !path.startsWith("/rest/v1/gettoken/")) {
                seen.add(request.getMethod() + " " + path);
            }
        }
        return seen;
    }

    @Test
    void anotherClientsSessionAnswersExactlyAsAnUnknownIdAndIsNeverChanged() {
        List<String> checked = new ArrayList<>();
        for (As caller : CALLERS) {
            for (Operation operation : OPERATIONS) {
                String what = operation.name() + " as " + caller.name();
                VendorStubs.healthy(vendor);
                vendorWithThreeSessions(operation.sessionStatus());
                call(caller.request().get(), operation, OWN).then().statusCode(operation.success());

                vendor.resetRequests();
                Response unknown = call(caller.request().get(), operation, UNKNOWN);
                List<String> forUnknown = vendorReceived();
                vendor.resetRequests();
                Response foreign = call(caller.request().get(), operation, FOREIGN);
                List<String> forForeign = vendorReceived();

                assertThat(unknown.statusCode()).as(what).isEqualTo(404);
                assertThat(foreign.statusCode()).as(what).isEqualTo(404);
                assertThat(foreign.contentType()).as(what).isEqualTo(unknown.contentType())
                        .startsWith("application/problem+json");
                Map<String, Object> unknownBody = withoutRequestId(unknown);
                assertThat(withoutRequestId(foreign)).as(what).isEqualTo(unknownBody);
                assertThat(unknownBody).as(what).containsEntry("type", "urn:esign-gateway:problem:session-not-found")
                        .containsEntry("status", 404).containsKeys("title", "detail");
                assertThat(forUnknown).as(what).containsExactly("GET /rest/v1/sessions/" + UNKNOWN);
                assertThat(forForeign).as(what + ": only read, never changed")
                        .containsExactly("GET /rest/v1/sessions/" + FOREIGN);
                checked.add(what);
            }
        }
        assertThat(checked).hasSize(OPERATIONS.size() * CALLERS.size());
    }

    @Test
    void theOwnSessionGoesThroughEveryOperation() {
        for (As caller : CALLERS) {
            vendor.resetRequests();
            for (Operation operation : OPERATIONS) {
                vendorWithThreeSessions(operation.sessionStatus());
                call(caller.request().get(), operation, OWN).then().statusCode(operation.success());
            }
            assertThat(vendorReceived()).as(caller.name()).contains("PUT /rest/v1/sessions/" + OWN + "/cancel",
                    "PUT /rest/v1/signers/invite", "GET /rest/v1/signers/" + VendorStubs.BUYER_ID + "/token",
                    "GET /rest/v1/sessions/" + OWN + "/actionlogs", "PUT /rest/v1/signers",
                    "PUT /rest/v1/sessions/" + OWN + "/purge",
                    "PUT /rest/v1/sessions/cancelPurging/" + OWN, "GET /rest/v1/sessions/" + OWN + "/files",
                    "GET /rest/v1/signer/docs/agent@example.com/" + OWN + "/" + VendorStubs.BUYER_ID + "/0/5");
        }
    }

    @Test
    void theOtherClientSeesItsOwnSessionAndNotTheFirstOnes() {
        vendorWithThreeSessions();
        RestAssured.given().header("X-API-Key", DebugLogsProfile.HR_KEY).get(Requests.PATH + "/" + FOREIGN)
                .then().statusCode(200).body("owner", equalTo("clerk@hr.example"));
        RestAssured.given().header("X-API-Key", DebugLogsProfile.HR_KEY).get(Requests.PATH + "/" + OWN)
                .then().statusCode(404).body("type", equalTo("urn:esign-gateway:problem:session-not-found"));
    }

    @Test
    void listingAnotherOwnersSessionsIsA403WithNoVendorCall() {
        String lite = "/rest/v1/sessions/lite/agent@example.com/TX-2026-0042/20/0/sortBy";
        vendor.stubFor(get(urlPathEqualTo(lite)).willReturn(VendorStubs.json("{\"TotalCount\":0,\"Sessions\":[]}")));
        for (As caller : CALLERS) {
            caller.request().get().queryParam("owner", "agent@example.com").queryParam("transactionId", "TX-2026-0042")
                    .get(Requests.PATH).then().statusCode(200);
            caller.request().get().queryParam("owner", "clerk@hr.example").queryParam("transactionId", "TX-2026-0042")
                    .get(Requests.PATH).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:esign-gateway:problem:owner-not-allowed"))
                    .body("violations[0].field", equalTo("owner"));
        }
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathMatching("/rest/v1/sessions/lite/.*"))))
                .isEqualTo(CALLERS.size());
    }

    @Test
    void creatingForAnotherOwnerIsA403WithNoVendorCall() {
        for (As caller : CALLERS) {
            caller.request().get().contentType("application/json").body(withOwner("clerk@hr.example"))
                    .post(Requests.PATH).then().statusCode(403)
                    .body("type", equalTo("urn:esign-gateway:problem:owner-not-allowed"));
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void theGatewaysRecordDecidesWhenTheVendorNamesNoOwner() {
        String created = "5d5d5d5d-6e6e-4f4f-8a8a-9b9b9b9b9b9b";
        vendor.stubFor(VendorStubs.createSession().willReturn(VendorStubs.sessionCreated(created)));
        vendor.stubFor(VendorStubs.getSession(created).willReturn(VendorStubs.sessionDetails(created, null)));
        vendorWithThreeSessions();
        RestAssured.given().header("X-API-Key", DebugLogsProfile.HR_KEY).contentType("application/json")
                .body(withOwner("clerk@hr.example")).post(Requests.PATH).then().statusCode(201);

        RestAssured.given().header("X-API-Key", DebugLogsProfile.HR_KEY).get(Requests.PATH + "/" + created)
                .then().statusCode(200);
        for (As caller : CALLERS) {
            caller.request().get().get(Requests.PATH + "/" + created).then().statusCode(404);
        }
        Requests.raw().get(Requests.PATH + "/" + created).then().statusCode(200); // the client "tests" has *
    }

    @Test
    void aSessionWhoseOwnerIsKnownNowhereIsVisibleOnlyToStarClients() {
        vendorWithThreeSessions();
        for (As caller : CALLERS) {
            caller.request().get().get(Requests.PATH + "/" + OWNERLESS).then().statusCode(404)
                    .body("type", equalTo("urn:esign-gateway:problem:session-not-found"));
        }
        RestAssured.given().header("X-API-Key", DebugLogsProfile.HR_KEY).get(Requests.PATH + "/" + OWNERLESS)
                .then().statusCode(404);
        Requests.raw().get(Requests.PATH + "/" + OWNERLESS).then().statusCode(200);
        RestAssured.given().header("Authorization", "Bearer " + jwt(List.of("*"))).get(Requests.PATH + "/" + OWNERLESS)
                .then().statusCode(200);
    }

    static String withOwner(String owner) {
        com.fasterxml.jackson.databind.node.ObjectNode request = Contract.exampleRequest();
        request.put("owner", owner);
        return Contract.json(request);
    }

    static Map<String, Object> withoutRequestId(Response response) {
        Map<String, Object> body = new java.util.HashMap<>(response.jsonPath().getMap("$"));
        assertThat(body.remove("requestId")).isNotNull();
        return body;
    }
}
