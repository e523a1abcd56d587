package com.esigngateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.TestJwts;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * With {@code esign.gateway.auth.jwt.enabled=true} a platform's identity provider can issue the callers'
 * credentials: a JWT signed with the configured key, from the configured issuer, for the configured audience,
 * whose {@code groups} hold the role. Its caller is named {@code jwt:<name>}. API keys keep working beside it.
 */
@QuarkusTest
@TestProfile(DebugLogsProfile.class)
@WithTestResource(VendorWireMock.class)
class JwtAuthenticationTest extends HealthyVendorTest {

    @Test
    void aValidJwtCreatesASessionInTheNameOfItsSubjectMarkedAsAJwtCaller() {
        LogCapture logs = LogCapture.install();
        String token = sign(claims("billing-service"));
        try {
            bearer(token).header("X-Request-Id", "req-jwt").post(Requests.PATH).then().statusCode(201);
        } finally {
            logs.uninstall();
        }
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                .contains("client=jwt:billing-service").contains("for client jwt:billing-service"));
        assertThat(logs.linesContainingAnyOf(List.of(token, signature(token)))).isEmpty();
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("esign_sessions_created_total{client=\"jwt:billing-service\"}");
    }

    @Test
    void withoutUpnThePreferredUsernameOrSubjectNamesTheCallerAndUnsafeNamesAreRefused() {
        LogCapture logs = LogCapture.install();
        try {
            bearer(sign(Jwt.issuer(TestJwts.ISSUER).audience(TestJwts.AUDIENCE).subject("svc-7f3a")
                    .groups(Set.of(Roles.SIGNING_SESSIONS)).claim(TestJwts.OWNERS_CLAIM, List.of("agent@example.com"))))
                    .post(Requests.PATH).then().statusCode(201);
        } finally {
            logs.uninstall();
        }
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("for client jwt:svc-7f3a"));
        bearer(sign(claims("billing service\nFAKE LOG LINE"))).post(Requests.PATH).then().statusCode(401)
                .body("type", equalTo("urn:esign-gateway:problem:unauthorized"));
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void aJwtNamedLikeAnApiKeyClientDoesNotShareItsIdempotencyScope() {
        String key = UUID.randomUUID().toString();
        Requests.example().header("Idempotency-Key", key).post(Requests.PATH).then().statusCode(201);
        bearer(sign(claims("tests"))).header("Idempotency-Key", key).post(Requests.PATH).then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(2);
    }

    @Test
    void idempotencyKeysAreScopedToTheTokensSubject() {
        String key = UUID.randomUUID().toString();
        bearer(sign(claims("billing-service"))).header("Idempotency-Key", key).post(Requests.PATH).then().statusCode(201);
        bearer(sign(claims("billing-service"))).header("Idempotency-Key", key).post(Requests.PATH).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        bearer(sign(claims("crm-service"))).header("Idempotency-Key", key).post(Requests.PATH).then().statusCode(201);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(2);
    }

    @Test
    void aJwtActsOnlyForTheOwnersItsClaimListsAndForNobodyWithoutIt() {
        bearer(sign(Jwt.issuer(TestJwts.ISSUER).audience(TestJwts.AUDIENCE).upn("billing-service")
                .groups(Set.of(Roles.SIGNING_SESSIONS)))).post(Requests.PATH)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:owner-not-allowed"))
                .body("violations[0].field", equalTo("owner"));
        bearer(sign(claims("billing-service").claim(TestJwts.OWNERS_CLAIM, List.of("*@hr.example", "agent@example.org"))))
                .post(Requests.PATH).then().statusCode(403)
                .body("type", equalTo("urn:esign-gateway:problem:owner-not-allowed"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hr.example")));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
        bearer(sign(claims("billing-service").claim(TestJwts.OWNERS_CLAIM, List.of("AGENT@example.COM"))))
                .post(Requests.PATH).then().statusCode(201);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(1);
    }

    @Test
    void aJwtWithoutTheRoleIsA403Problem() {
        bearer(sign(Jwt.issuer(TestJwts.ISSUER).audience(TestJwts.AUDIENCE).upn("reporting").groups(Set.of("metrics"))))
                .post(Requests.PATH)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:forbidden"));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void expiredForeignOrForgedJwtsAre401Problems() {
        LogCapture logs = LogCapture.install();
        List<String> tokens = List.of(
                sign(claims("billing-service").issuedAt(Instant.now().minusSeconds(3600))
                        .expiresAt(Instant.now().minusSeconds(600))),
                sign(Jwt.issuer("https://other-idp.example.test").audience(TestJwts.AUDIENCE).upn("billing-service")
                        .groups(Set.of(Roles.SIGNING_SESSIONS))),
                claims("billing-service").sign(TestJwts.strangerKey()),
                sign(Jwt.issuer(TestJwts.ISSUER).audience("another-service").upn("billing-service")
                        .groups(Set.of(Roles.SIGNING_SESSIONS))),
                tamperedClaims(sign(claims("billing-service"))));
        try {
            for (String token : tokens) {
                bearer(token).post(Requests.PATH).then().statusCode(401)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:esign-gateway:problem:unauthorized"));
            }
        } finally {
            logs.uninstall();
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
        assertThat(logs.linesContainingAnyOf(tokens.stream().map(JwtAuthenticationTest::signature).toList())).isEmpty();
    }

    @Test
    void apiKeysKeepWorkingBesideJwts() {
        Requests.example().post(Requests.PATH).then().statusCode(201);
        bearer(Requests.API_KEY).post(Requests.PATH).then().statusCode(201);
        bearer("not-a-key").post(Requests.PATH).then().statusCode(401);
        bearer(sign(claims("billing-service"))).header("X-API-Key", "not-a-key").post(Requests.PATH).then()
                .statusCode(401); // X-API-Key always means an API key, and a wrong one is not overlooked
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(2);
    }

    private static JwtClaimsBuilder claims(String subject) {
        return Jwt.issuer(TestJwts.ISSUER).audience(TestJwts.AUDIENCE).upn(subject).groups(Set.of(Roles.SIGNING_SESSIONS))
                .claim(TestJwts.OWNERS_CLAIM, List.of("*@example.com"));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.sign(TestJwts.privateKey());
    }

    /** The same header and signature with the subject changed in the claims. */
    private static String tamperedClaims(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("billing-service", "admin-service");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String signature(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    private static RequestSpecification bearer(String token) {
        return Requests.exampleWithoutCredentials().header("Authorization", "Bearer " + token);
    }
}
