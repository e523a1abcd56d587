package com.esigngateway.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.MutableClock;
import com.esigngateway.testing.Requests;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A gateway that trusts tokens longer than the simulator lets them live meets the vendor's expired-token
 * answer (a null result), fetches a fresh token and succeeds.
 */
@QuarkusTest
@TestProfile(SimulatorProfile.class)
class SimulatedTokenExpiryTest {

    @Test
    void anExpiredTokenIsAnsweredWithNullAndTheGatewayRecovers() {
        MutableClock clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        String token = given().header("Authorization",
                given().get(SimulatorTest.SIM + "/encrypt/sim-api-key/s").then().extract().<String>path("ReturnValue"))
                .get(SimulatorTest.SIM + "/gettoken/s").then().extract().path("ReturnValue");
        Requests.create(Contract.exampleRequest()).statusCode(201);

        clock.advance(Duration.ofMinutes(3));

        given().contentType(ContentType.JSON).header("Authorization", token).body("{}")
                .post(SimulatorTest.SIM + "/sessions").then().statusCode(200).body(equalTo("null"));
        Requests.create(Contract.exampleRequest()).statusCode(201);
    }
}
