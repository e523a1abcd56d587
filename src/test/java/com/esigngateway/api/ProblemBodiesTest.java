package com.esigngateway.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Every member of a problem body is there, whatever produced it: the vendor, the validator, the HTTP layer or the
 * security layer ({@code ProblemBodiesIT} checks the same against the packaged application and the native executable).
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class ProblemBodiesTest extends HealthyVendorTest {

    @Test
    void aVendorRejectionCarriesTheVendorsWordsAndTheRequestId() {
        vendor.stubFor(VendorStubs.createSession().willReturn(VendorStubs.error("Error: Username not found.")));
        String requestId = "problem-" + UUID.randomUUID();

        problem(Requests.example().header("X-Request-Id", requestId).post(Requests.PATH).then(), 422,
                "vendor-rejected", "The vendor rejected the request", requestId)
                .body("detail", equalTo("Error: Username not found."))
                .body("$", not(hasKey("violations")));
    }

    @Test
    void aValidationFailureCarriesDetailViolationsAndTheRequestId() {
        ObjectNode request = Contract.exampleRequest();
        request.put("owner", "not-an-email");
        String requestId = "problem-" + UUID.randomUUID();

        problem(Requests.raw().header("X-Request-Id", requestId).body(Contract.json(request)).post(Requests.PATH).then(),
                400, "invalid-request", "Invalid request", requestId)
                .body("detail", equalTo("The request has 1 invalid field."))
                .body("violations", equalTo(List.of(Map.of("field", "owner", "message", "must be a well-formed email address"))));
    }

    @Test
    void httpLayerProblemsCarryDetailAndTheRequestId() {
        problem(withId("p-404").get("/v1/nothing-here").then(), 404, "not-found", "Not found", "p-404")
                .body("detail", equalTo("There is nothing at this path."));
        problem(withId("p-405").delete(Requests.PATH).then(), 405, "method-not-allowed", "Method not allowed", "p-405")
                .body("detail", equalTo("This path does not support the method."));
        problem(withId("p-415").contentType(ContentType.TEXT).body("x").post(Requests.PATH).then(), 415,
                "unsupported-media-type", "Unsupported media type", "p-415")
                .body("detail", equalTo("Send the body as application/json."));
    }

    @Test
    void anUnknownCallerGetsA401WithDetailAndTheRequestId() {
        problem(Requests.exampleWithoutCredentials().header("X-API-Key", "not-a-key").header("X-Request-Id", "p-401")
                .post(Requests.PATH).then(), 401, "unauthorized", "Missing or unknown credentials", "p-401")
                .body("detail", equalTo("Present this service's API key in X-API-Key or as Authorization: Bearer <key>."));
    }

    private static RequestSpecification withId(String requestId) {
        return Requests.raw().header("X-Request-Id", requestId);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type, String title,
            String requestId) {
        return response.statusCode(status).contentType("application/problem+json")
                .header("X-Request-Id", requestId)
                .body("type", equalTo("urn:esign-gateway:problem:" + type))
                .body("title", equalTo(title))
                .body("status", equalTo(status))
                .body("requestId", equalTo(requestId));
    }
}
