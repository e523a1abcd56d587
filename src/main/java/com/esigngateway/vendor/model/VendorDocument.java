package com.esigngateway.vendor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"FileName", "FormId", "HasAnchorTags", "AnchorTagsAdjustmentCategory", "FileBytes"})
public record VendorDocument(
        @JsonProperty("FileName") String fileName,
        @JsonProperty("FormId") String formId,
        @JsonProperty("HasAnchorTags") Boolean hasAnchorTags,
        @JsonProperty("AnchorTagsAdjustmentCategory") String anchorTagsAdjustmentCategory,
        @JsonProperty("FileBytes") FileBytes fileBytes) {
}
