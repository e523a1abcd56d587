package com.esigngateway.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the gateway's API, validated against the contract unless a test sends something invalid on purpose. */
public final class Requests {

    public static final String PATH = "/v1/signing-sessions";

    private Requests() {
    }

    /** A request whose exchange must conform to the contract, both ways. */
    public static RequestSpecification conforming() {
        return given().filter(Contract.validation()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request that is invalid on purpose; only the answer is checked by the test itself. */
    public static RequestSpecification raw() {
        return given().contentType(ContentType.JSON);
    }

    public static ValidatableResponse create(JsonNode body) {
        return conforming().body(Contract.json(body)).when().post(PATH).then();
    }
}
