package com.esigngateway.vendor.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonPropertyOrder({"SessionInfo", "Documents", "Signers"})
public record VendorSession(
        @JsonProperty("SessionInfo") VendorSessionInfo sessionInfo,
        @JsonProperty("Documents") List<VendorDocument> documents,
        @JsonProperty("Signers") List<VendorSigner> signers) {
}
