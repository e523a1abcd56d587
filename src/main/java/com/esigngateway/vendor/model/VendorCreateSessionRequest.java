package com.esigngateway.vendor.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST rest/v1/sessions}: the vendor's sample serializes {@code new { userName, session }},
 * so the two top-level keys are camelCase while everything inside is PascalCase.
 */
@RegisterForReflection
@JsonPropertyOrder({"userName", "session"})
public record VendorCreateSessionRequest(
        @JsonProperty("userName") String userName,
        @JsonProperty("session") VendorSession session) {
}
