package com.esigngateway.vendor.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of Update Signers ({@code PUT rest/v1/signers}): {@code {username, signingSessionId, signers:[…]}}, each
 * signer whole as the vendor's Signer class describes it (the call replaces, it does not merge).
 */
@RegisterForReflection
@JsonPropertyOrder({"username", "signingSessionId", "signers"})
public record VendorUpdateSignersRequest(
        @JsonProperty("username") String username,
        @JsonProperty("signingSessionId") String signingSessionId,
        @JsonProperty("signers") List<Signer> signers) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"SignerId", "EmailAddress", "FirstName", "LastName", "SignerRole", "AuthenticationSettings"})
    public record Signer(
            @JsonProperty("SignerId") String signerId,
            @JsonProperty("EmailAddress") String emailAddress,
            @JsonProperty("FirstName") String firstName,
            @JsonProperty("LastName") String lastName,
            @JsonProperty("SignerRole") String signerRole,
            @JsonProperty("AuthenticationSettings") VendorAuthenticationSettings authenticationSettings) {
    }
}
