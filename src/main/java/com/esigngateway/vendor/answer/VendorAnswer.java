package com.esigngateway.vendor.answer;

import com.esigngateway.document.DocumentContent;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A vendor answer that passed the common checks (no error text, no failing status, not empty): what an operation's
 * answer function reads its result from.
 *
 * @param operation the vendor's name of the call, for messages
 * @param body the answer as JSON; an empty object for a download too large to be read as a tree
 * @param spooled a download's whole answer, as it came (null for other calls)
 */
public record VendorAnswer(String operation, JsonNode body, VendorFailure emptyResult, DocumentContent spooled) {

    public VendorAnswer(String operation, JsonNode body, VendorFailure emptyResult) {
        this(operation, body, emptyResult, null);
    }

    /** The {@code ReturnValue} of a RequestResponse (an encrypted key, a token, a landing URL, "True"). */
    public String returnValue() {
        if (body.isTextual()) {
            return body.asText();
        }
        JsonNode value = body.path("ReturnValue");
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText();
        }
        if (body.isObject() && (value.isMissingNode() || value.isNull() || value.asText().isBlank())) {
            throw empty();
        }
        throw unreadable("The vendor's " + operation + " answer has no usable ReturnValue.");
    }

    /** The first of {@code names} that is a non-blank text in {@code node}, or null. */
    public static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The answer carries no result: what that means depends on the operation. */
    public VendorException empty() {
        return VendorException.emptyResult(operation, emptyResult);
    }

    public VendorException unreadable(String detail) {
        return new VendorException(VendorFailure.BAD_ANSWER, detail);
    }
}
