package com.esigngateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.TestJwts;
import com.esigngateway.testing.VariantsProfile;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * JWT callers switched off stay off even when SmallRye JWT is told to read tokens from somewhere the API-key
 * mechanism does not look (here a cookie): the identity it makes is refused.
 */
@QuarkusTest
@TestProfile(VariantsProfile.class)
@WithTestResource(VendorWireMock.class)
class JwtCallersSwitchedOffTest extends HealthyVendorTest {

    @Test
    void aValidJwtInTheConfiguredCookieIsRefused() {
        String token = Jwt.issuer(TestJwts.ISSUER).audience(TestJwts.AUDIENCE).upn("crm")
                .groups(Set.of(Roles.SIGNING_SESSIONS)).sign(TestJwts.privateKey());
        Requests.exampleWithoutCredentials().cookie("access_token", token).post(Requests.PATH).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:unauthorized"));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }
}
