package com.esigngateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VariantsProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Calling services authenticate with an API key whose SHA-256 is configured; the client's name scopes
 * idempotency keys and shows in logs and metrics. Health, metrics and the contract stay open.
 */
@QuarkusTest
@TestProfile(VariantsProfile.class)
@WithTestResource(VendorWireMock.class)
class ApiKeyAuthenticationTest extends HealthyVendorTest {

    static final String CRM_KEY = VariantsProfile.CRM_KEY;
    static final String READER_KEY = VariantsProfile.READER_KEY;
    static final String HR_KEY = VariantsProfile.HR_KEY;

    @Test
    void withoutAKeyTheAnswerIsA401Problem() {
        Requests.exampleWithoutCredentials().post(Requests.PATH).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"esign-gateway\"")
                .body("type", equalTo("urn:esign-gateway:problem:unauthorized"))
                .body("requestId", matchesPattern(".+"));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void anUnknownKeyIsA401Problem() {
        as("X-API-Key", "not-a-key").post(Requests.PATH).then().statusCode(401)
                .body("type", equalTo("urn:esign-gateway:problem:unauthorized"));
        as("Authorization", "Bearer " + ApiKeyIdentityProvider.hashOf(CRM_KEY)).post(Requests.PATH)
                .then().statusCode(401); // the hash itself is not a key
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void theKeyWorksInXApiKeyAndAsABearerToken() {
        as("X-API-Key", CRM_KEY).post(Requests.PATH).then().statusCode(201);
        as("Authorization", "Bearer " + CRM_KEY).post(Requests.PATH).then().statusCode(201);
    }

    @Test
    void whileJwtsAreOffAJwtIsJustAnUnknownKey() {
        String token = io.smallrye.jwt.build.Jwt.issuer(com.esigngateway.testing.TestJwts.ISSUER)
                .audience(com.esigngateway.testing.TestJwts.AUDIENCE).upn("crm")
                .groups(java.util.Set.of(Roles.SIGNING_SESSIONS)).sign(com.esigngateway.testing.TestJwts.privateKey());
        as("Authorization", "Bearer " + token).post(Requests.PATH).then().statusCode(401)
                .body("type", equalTo("urn:esign-gateway:problem:unauthorized"));
        // where this profile's JWT configuration reads tokens (mp.jwt.token.header=Cookie), refused as well
        as("Authorization", "Bearer " + token).cookie("access_token", token).post(Requests.PATH).then().statusCode(401)
                .body("type", equalTo("urn:esign-gateway:problem:unauthorized"));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void aClientWithoutTheRoleIsA403Problem() {
        as("X-API-Key", READER_KEY).post(Requests.PATH).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:forbidden"));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    /** Purging is irreversible: the role {@code signing-sessions} (crm's, the default) does not include it. */
    @Test
    void theDefaultRoleDoesNotPurge() {
        for (String path : new String[] {"/purge", "/purge/cancel"}) {
            io.restassured.RestAssured.given().header("X-API-Key", CRM_KEY).contentType("application/json")
                    .post(Requests.PATH + "/" + VendorStubs.SESSION_ID + path).then().statusCode(403)
                    .body("type", equalTo("urn:esign-gateway:problem:forbidden"));
        }
        assertThat(vendor.getAllServeEvents()).as("nothing asked of the vendor").noneMatch(
                event -> event.getRequest().getUrl().startsWith("/rest/v1/sessions"));
    }

    @Test
    void aClientCreatesSessionsOnlyForTheOwnersItActsFor() {
        as("X-API-Key", HR_KEY).post(Requests.PATH).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:owner-not-allowed"))
                .body("status", equalTo(403))
                .body("violations.field", org.hamcrest.Matchers.contains("owner"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hr.example")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("payroll")));
        // *@hr.example covers no subdomain; an Idempotency-Key does not get past the check either
        as("X-API-Key", HR_KEY).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(withOwner("someone@eu.hr.example")).post(Requests.PATH).then().statusCode(403);
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();

        as("X-API-Key", HR_KEY).body(withOwner("Clerk@HR.example")).post(Requests.PATH).then().statusCode(201);
        as("X-API-Key", HR_KEY).body(withOwner("PAYROLL@example.org")).post(Requests.PATH).then().statusCode(201);
        as("X-API-Key", CRM_KEY).body(withOwner("Agent@Example.com")).post(Requests.PATH).then().statusCode(201);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(3);
    }

    private static String withOwner(String owner) {
        com.fasterxml.jackson.databind.node.ObjectNode request = com.esigngateway.testing.Contract.exampleRequest();
        request.put("owner", owner);
        return com.esigngateway.testing.Contract.json(request);
    }

    @Test
    void operationalEndpointsNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void idempotencyKeysAreScopedToTheClient() {
        String key = UUID.randomUUID().toString();
        as("X-API-Key", CRM_KEY).header("Idempotency-Key", key).post(Requests.PATH).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        as("X-API-Key", Requests.API_KEY).header("Idempotency-Key", key).post(Requests.PATH).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(2);
    }

    @Test
    void theClientNameIsInTheLogsAndTheMetrics() {
        LogCapture logs = LogCapture.install();
        try {
            as("X-API-Key", CRM_KEY).header("X-Request-Id", "req-for-crm").post(Requests.PATH).then().statusCode(201);
        } finally {
            logs.uninstall();
        }
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                .contains("client=crm").contains("requestId=req-for-crm")
                .contains("Created vendor session " + VendorStubs.SESSION_ID + " for client crm"));
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("esign_sessions_created_total{client=\"crm\"}");
    }

    private static RequestSpecification as(String header, String value) {
        return Requests.exampleWithoutCredentials().header(header, value);
    }
}
