package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input gets a 400/413/415 problem listing what is wrong, never a 500, and never reaches the vendor. */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class RequestValidationTest extends HealthyVendorTest {

    @Test
    void listsEveryViolationWithItsJsonPath() {
        ObjectNode request = Contract.exampleRequest();
        request.put("owner", "not-an-email");
        request.put("title", "   ");
        request.put("returnUrl", "ftp://example.com/x");
        request.put("reminderFrequencyDays", 31);
        request.put("expiresAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString());
        request.withArray("ccRecipients").add("cc@localhost");
        ObjectNode document = (ObjectNode) request.withArray("documents").get(0);
        document.put("fileName", "no-extension");
        document.put("content", "not base64 !");
        request.withArray("documents").addObject().put("fileName", "empty.pdf");
        ObjectNode seller = (ObjectNode) request.withArray("signers").get(0);
        seller.put("lastName", "");
        seller.put("email", "seller@");
        ObjectNode buyer = (ObjectNode) request.withArray("signers").get(1);
        buyer.put("role", "seller 1");
        buyer.putObject("authentication").put("method", "PASSWORD");

        Map<String, String> violations = Map.ofEntries(
                Map.entry("owner", "must be a well-formed email address"),
                Map.entry("title", "must not be blank"),
                Map.entry("returnUrl", "must be an absolute http or https URL"),
                Map.entry("reminderFrequencyDays", "must be less than or equal to 30"),
                Map.entry("expiresAt", "must be in the future"),
                Map.entry("ccRecipients[1]", "must be a well-formed email address"),
                Map.entry("documents[0].fileName", "must be a file name with an extension, such as agreement.pdf, without / \\ : * ? \" < > |"),
                Map.entry("documents[0].content", "must be valid base64"),
                Map.entry("documents[1].content", "is required unless templateId is given"),
                Map.entry("signers[0].lastName", "size must be between 1 and 100"),
                Map.entry("signers[0].email", "must be a well-formed email address"),
                Map.entry("signers[1].role", "is already the role of signers[0]; roles must be unique"),
                Map.entry("signers[1].authentication.password", "is required for PASSWORD"));

        ValidatableResponse response = invalid(Contract.json(request))
                .body("detail", equalTo("The request has " + violations.size() + " invalid fields."));
        List<Map<String, String>> listed = response.extract().path("violations");
        assertThat(listed).hasSize(violations.size());
        violations.forEach((field, message) -> assertThat(listed).contains(Map.of("field", field, "message", message)));
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void expiryMoreThanNinetyDaysAheadIsRefused() {
        ObjectNode request = Contract.exampleRequest();
        request.put("expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(91).toString());
        invalid(Contract.json(request))
                .body("violations", equalTo(List.of(Map.of("field", "expiresAt", "message", "must be at most 90 days in the future"))));
    }

    @Test
    void missingRequiredFieldsAreListed() {
        invalid("{\"documents\":[],\"signers\":[{}]}")
                .body("violations.field", hasItem("owner"))
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("documents"))
                .body("violations.field", hasItem("signers[0].email"))
                .body("violations.field", not(hasItem("signers[0].firstName")))
                .body("violations.field", hasItem("signers[0].lastName"))
                .body("violations.field", hasItem("signers[0].role"));
    }

    /** The vendor requires a signer's last name and email only: the first name may be left out, not left blank. */
    @Test
    void aSignerWithoutAFirstNameIsCreatedAndOneWithABlankFirstNameIsNot() throws Exception {
        ObjectNode request = Contract.exampleRequest();
        ObjectNode buyer = (ObjectNode) request.withArray("signers").get(1);
        buyer.remove("firstName");
        Requests.conforming().body(Contract.json(request)).when().post(Requests.PATH).then().statusCode(201);
        var sent = vendor.findAll(postRequestedFor(urlEqualTo(VendorStubs.SESSIONS)));
        JsonNode signers = new ObjectMapper().readTree(sent.get(sent.size() - 1).getBody()).path("session").path("Signers");
        assertThat(signers.get(0).path("FirstName").asText()).isEqualTo("Sam");
        assertThat(signers.get(1).has("FirstName")).as("the buyer's FirstName").isFalse();

        buyer.put("firstName", "  ");
        int calls = VendorStubs.sessionCalls(vendor);
        invalid(Contract.json(request))
                .body("violations", equalTo(List.of(Map.of("field", "signers[1].firstName", "message", "must not be blank"))));
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(calls);
    }

    @Test
    void malformedJsonIsAProblem() {
        invalid("{\"owner\": ").body("detail", matchesPattern("The body is not well-formed JSON at line 1, column \\d+\\."));
    }

    @Test
    void missingBodyIsAProblem() {
        invalid("").body("violations[0].field", equalTo("$"));
    }

    @Test
    void wrongTypeNamesTheFieldWithoutEchoingTheValue() {
        ObjectNode request = Contract.exampleRequest();
        request.putArray("title").add("secret-looking-value");
        invalid(Contract.json(request))
                .body("violations", equalTo(List.of(Map.of("field", "title", "message", "must be a string"))))
                .body(not(containsString("secret-looking-value")));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        ObjectNode request = Contract.exampleRequest();
        ((ObjectNode) request.withArray("signers").get(1).get("authentication")).put("method", "RETINA");
        invalid(Contract.json(request)).body("violations", equalTo(List.of(Map.of(
                "field", "signers[1].authentication.method",
                "message", "must be one of [NONE, PASSWORD, KBA, KBA_PLUS_PASSWORD, SMS]"))));
    }

    @Test
    void unknownFieldIsRefusedRatherThanDropped() {
        ObjectNode request = Contract.exampleRequest();
        request.put("signingOrdr", "SEQUENTIAL");
        invalid(Contract.json(request)).body("violations", equalTo(List.of(Map.of(
                "field", "signingOrdr", "message", "is not a known field"))));
    }

    @Test
    void passwordsAreNeverEchoedInViolations() {
        ObjectNode request = Contract.exampleRequest();
        request.put("password", "x".repeat(129) + "hunter2");
        invalid(Contract.json(request))
                .body("violations", equalTo(List.of(Map.of("field", "password", "message", "size must be between 1 and 128"))))
                .body(not(containsString("hunter2")));
    }

    @Test
    void wrongMediaTypeIs415() {
        Requests.raw().contentType(ContentType.TEXT).body("owner=me").when().post(Requests.PATH)
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:unsupported-media-type"))
                .body("requestId", matchesPattern(".+"));
    }

    @Test
    void bodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        // Declares 200 MB and sends none of it: the answer must come from the declared length alone.
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + Requests.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nX-API-Key: " + Requests.API_KEY + "\r\n"
                    + "Content-Length: 200000000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while (!answer.toString().endsWith("}") && (read = socket.getInputStream().read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"type\":\"urn:esign-gateway:problem:payload-too-large\"")
                    .contains("this gateway accepts at most 146800640");
        }
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void unknownPathAndMethodAreProblemsToo() {
        Requests.raw().when().get("/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Requests.raw().when().delete(Requests.PATH).then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void theContractFilterRejectsANonConformingRequest() {
        assertThatThrownBy(() -> Requests.conforming().body("{\"owner\":\"a@b.com\"}").when().post(Requests.PATH))
                .hasMessageContaining("validation.request.body.schema.required");
    }

    private static ValidatableResponse invalid(String body) {
        return Requests.raw().body(body).when().post(Requests.PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("requestId", matchesPattern(".+"));
    }
}
