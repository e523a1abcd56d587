package com.esigngateway.vendor.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of SendSignerEmailInvites ({@code PUT rest/v1/signers/invite}): the vendor's sample sends
 * {@code {signerList, signingSessionId, returnURL}}, camelCase at the top and the signers in the Signer class's
 * PascalCase.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"signerList", "signingSessionId", "returnURL"})
public record VendorInviteRequest(
        @JsonProperty("signerList") List<Signer> signerList,
        @JsonProperty("signingSessionId") String signingSessionId,
        @JsonProperty("returnURL") String returnUrl) {

    /** A signer to invite, as GetSession described it. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"SignerId", "EmailAddress", "FirstName", "LastName", "SignerRole"})
    public record Signer(
            @JsonProperty("SignerId") String signerId,
            @JsonProperty("EmailAddress") String emailAddress,
            @JsonProperty("FirstName") String firstName,
            @JsonProperty("LastName") String lastName,
            @JsonProperty("SignerRole") String signerRole) {
    }
}
