package com.esigngateway.vendor.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code AuthMethods} and {@code Properties} are always sent: the vendor's sample marks them
 * "Required to instantiate".
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"EmailAddress", "FirstName", "LastName", "SignerRole", "Sequence", "AuthMethod",
        "AuthenticationSettings", "MandateDocUpload", "AuthMethods", "Properties", "MergeFieldMapping",
        "SignerEmailSubject", "SignerEmailMessage"})
public record VendorSigner(
        @JsonProperty("EmailAddress") String emailAddress,
        @JsonProperty("FirstName") String firstName,
        @JsonProperty("LastName") String lastName,
        @JsonProperty("SignerRole") String signerRole,
        @JsonProperty("Sequence") Integer sequence,
        @JsonProperty("AuthMethod") Object authMethod,
        @JsonProperty("AuthenticationSettings") VendorAuthenticationSettings authenticationSettings,
        @JsonProperty("MandateDocUpload") Boolean mandateDocUpload,
        @JsonProperty("AuthMethods") @JsonInclude(JsonInclude.Include.ALWAYS) List<Object> authMethods,
        @JsonProperty("Properties") @JsonInclude(JsonInclude.Include.ALWAYS) VendorDictionary properties,
        @JsonProperty("MergeFieldMapping") VendorDictionary mergeFieldMapping,
        @JsonProperty("SignerEmailSubject") String signerEmailSubject,
        @JsonProperty("SignerEmailMessage") String signerEmailMessage) {
}
