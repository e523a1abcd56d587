package com.esigngateway.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the gateway's API, validated against the contract unless a test sends something invalid on purpose. */
public final class Requests {

    public static final String PATH = "/v1/signing-sessions";
    /** The key of the client {@code tests}, configured by its SHA-256 in the test profile and for ITs. */
    public static final String API_KEY = "test-client-key";
    public static final String API_KEY_SHA256 = "5ce15761d99d8887142d76d3f44fc2045ace53e646a6e90c923aa2febc0d10e1";
    /** The key of the client {@code reader}, whose only role is {@code signing-sessions:read}. */
    public static final String READER_KEY = "test-reader-key";
    public static final String READER_KEY_SHA256 = com.esigngateway.security.ApiKeyIdentityProvider.hashOf(READER_KEY);

    private Requests() {
    }

    /** A request whose exchange must conform to the contract, both ways. */
    public static RequestSpecification conforming() {
        return given().filter(Contract.validation()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("X-API-Key", API_KEY);
    }

    /** A request that is invalid on purpose (authenticated); only the answer is checked by the test itself. */
    public static RequestSpecification raw() {
        return given().contentType(ContentType.JSON).header("X-API-Key", API_KEY);
    }

    /** The contract's example request, authenticated as the client {@code tests}. */
    public static RequestSpecification example() {
        return raw().body(Contract.json(Contract.exampleRequest()));
    }

    /** The contract's example request with no credentials: the test adds the ones it is about. */
    public static RequestSpecification exampleWithoutCredentials() {
        return given().contentType(ContentType.JSON).body(Contract.json(Contract.exampleRequest()));
    }

    /**
     * A creation the gateway refuses before it needs the vendor (no title): on a freshly started gateway it loads and
     * runs the request path (auth, body, binding, validation, problem), so that a timing test that follows measures
     * the gateway's waits, not its first-request class loading; no token is fetched.
     */
    public static void warmUpWithoutTheVendor() {
        raw().body("{}").post(PATH).then().statusCode(400);
    }

    public static ValidatableResponse create(JsonNode body) {
        return conforming().body(Contract.json(body)).when().post(PATH).then();
    }
}
