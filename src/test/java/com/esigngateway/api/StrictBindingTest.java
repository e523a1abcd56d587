package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * JSON binding is as strict as the contract: no coercion between JSON types, no trailing content, no duplicate keys,
 * no nulls, every limit in characters as the contract counts them. Each case is a 400 that names the field; none
 * reaches the vendor. Runs against the packaged application too ({@code *IT}).
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class StrictBindingTest extends HealthyVendorTest {

    private static final String INTEGER = "must be an integer";
    private static final String NO_NULL = "must not be null (leave an optional field out instead)";
    /** 😀, one character the contract counts once and UTF-16 twice. */
    private static final String EMOJI = new String(Character.toChars(0x1F600));

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                raw("trailing garbage", json -> json + "xyz", "$", "is not well-formed JSON at line 1, column " ),
                raw("two concatenated objects", json -> json + json, "$", "must be one JSON object, with nothing after it"),
                raw("a second value after whitespace", json -> json + "\n 1", "$", "must be one JSON object, with nothing after it"),
                raw("a duplicate key", json -> json.replaceFirst("\\{", "{\"title\":\"First\","), "title",
                        "appears more than once in its object"),
                raw("a duplicate key in a signer", json -> json.replace("\"role\":\"Buyer 1\"", "\"role\":\"Buyer 1\",\"role\":\"Buyer 2\""),
                        "signers[1].role", "appears more than once in its object"),
                raw("a duplicate merge field", json -> json.replace("\"BuyerPhone\":", "\"BuyerPhone\":\"1\",\"BuyerPhone\":"),
                        "signers[1].mergeFields[BuyerPhone]", "appears more than once in its object"),
                edit("a fractional sequence", r -> signer(r, 0).put("sequence", 1.5), "signers[0].sequence", INTEGER),
                edit("a fractional sequence over the maximum", r -> signer(r, 0).put("sequence", 1000.9), "signers[0].sequence", INTEGER),
                edit("an integral float for an integer", r -> r.put("reminderFrequencyDays", 2.0), "reminderFrequencyDays", INTEGER),
                edit("a sequence as a string", r -> signer(r, 0).put("sequence", "1"), "signers[0].sequence", INTEGER),
                edit("a sequence beyond int32", r -> signer(r, 0).put("sequence", 99_999_999_999L), "signers[0].sequence",
                        "is out of range for a 32-bit integer"),
                edit("a number for a string", r -> r.put("title", 123), "title", "must be a string"),
                edit("a boolean for a string", r -> signer(r, 0).put("firstName", true), "signers[0].firstName", "must be a string"),
                edit("an integer for a boolean", r -> r.put("allowDelegation", 0), "allowDelegation", "must be true or false"),
                edit("a string for a boolean", r -> r.put("sendInvites", "true"), "sendInvites", "must be true or false"),
                edit("epoch seconds for a date-time", r -> r.put("expiresAt", 1_798_000_000L), "expiresAt",
                        "must be an RFC 3339 date-time such as 2026-12-31T17:00:00Z"),
                edit("a date-time without seconds", r -> r.put("expiresAt", "2026-12-31T17:00Z"), "expiresAt",
                        "must be an RFC 3339 date-time such as 2026-12-31T17:00:00Z"),
                edit("null for a required field", r -> r.putNull("title"), "title", NO_NULL),
                edit("null for an optional field", r -> r.putNull("transactionId"), "transactionId", NO_NULL),
                edit("null in a list", r -> r.putArray("ccRecipients").addNull(), "ccRecipients[0]", NO_NULL),
                edit("a null merge field value", r -> mergeFields(r).putNull("BuyerPhone"), "signers[1].mergeFields[BuyerPhone]", NO_NULL),
                edit("a numeric merge field value", r -> mergeFields(r).put("BuyerPhone", 5550100), "signers[1].mergeFields[BuyerPhone]",
                        "must be a string"),
                edit("a merge field value over 1,000 characters", r -> mergeFields(r).put("BuyerPhone", "x".repeat(1001)),
                        "signers[1].mergeFields[BuyerPhone]", "must be at most 1000 characters long"),
                edit("a title over 255 characters", r -> r.put("title", EMOJI.repeat(256)), "title", "size must be between 1 and 255"),
                edit("an enum value as a number", r -> r.put("signingOrder", 1), "signingOrder",
                        "must be one of [PARALLEL, SEQUENTIAL, SUSPENDED]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBodies")
    void isRefusedNamingTheField(String name, String body, String field, String message) {
        List<Map<String, String>> violations = Requests.raw().body(body).post(Requests.PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:invalid-request"))
                .extract().path("violations");
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).get("field")).isEqualTo(field);
        assertThat(violations.get(0).get("message")).startsWith(message);
        assertThat(VendorStubs.sessionCalls(vendor)).isZero();
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        ObjectNode request = Contract.exampleRequest();
        request.put("title", EMOJI.repeat(255));
        mergeFields(request).put("BuyerPhone", EMOJI.repeat(1000));

        Requests.create(request).statusCode(201).body("title", equalTo(EMOJI.repeat(255)));
        vendor.verify(postRequestedFor(urlEqualTo("/rest/v1/sessions"))
                .withRequestBody(matchingJsonPath("$.session.SessionInfo.Title", equalToString(EMOJI.repeat(255)))));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        Requests.raw().body("[]").post(Requests.PATH).then().statusCode(400)
                .body("violations", equalTo(List.of(Map.of("field", "$", "message", "must be an object"))));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToString(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }

    private static Arguments raw(String name, Function<String, String> edit, String field, String message) {
        return Arguments.of(name, edit.apply(Contract.json(Contract.exampleRequest())), field, message);
    }

    private static Arguments edit(String name, java.util.function.Consumer<ObjectNode> edit, String field, String message) {
        ObjectNode request = Contract.exampleRequest();
        edit.accept(request);
        return Arguments.of(name, Contract.json(request), field, message);
    }

    private static ObjectNode signer(ObjectNode request, int index) {
        return (ObjectNode) request.withArray("signers").get(index);
    }

    private static ObjectNode mergeFields(ObjectNode request) {
        return (ObjectNode) signer(request, 1).get("mergeFields");
    }
}
