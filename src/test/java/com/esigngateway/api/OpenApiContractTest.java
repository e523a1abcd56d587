package com.esigngateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** /q/openapi serves the contract file itself, and Swagger UI shows it. */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class OpenApiContractTest {

    @Test
    void servedDocumentIsTheContractFile() throws Exception {
        String served = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        JsonNode servedTree = new ObjectMapper().readTree(served);
        assertThat(servedTree).isEqualTo(Contract.document());
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }
}
