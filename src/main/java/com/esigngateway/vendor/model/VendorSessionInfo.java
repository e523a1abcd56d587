package com.esigngateway.vendor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Absent optional values are left out rather than sent as {@code null}, so the vendor applies its own defaults. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"TransactionId", "Title", "ReturnURL", "UseSequence", "AllowDelegation", "CopyTo", "Password",
        "FirstSigner", "EmailOptions", "SendSignerInvites", "SendSessionRedirectUrl", "Description", "ExpiresOn",
        "ReminderFrequencyDays"})
public record VendorSessionInfo(
        @JsonProperty("TransactionId") String transactionId,
        @JsonProperty("Title") String title,
        @JsonProperty("ReturnURL") String returnUrl,
        @JsonProperty("UseSequence") Integer useSequence,
        @JsonProperty("AllowDelegation") Boolean allowDelegation,
        @JsonProperty("CopyTo") String copyTo,
        @JsonProperty("Password") Secret password,
        @JsonProperty("FirstSigner") Boolean firstSigner,
        @JsonProperty("EmailOptions") Integer emailOptions,
        @JsonProperty("SendSignerInvites") Boolean sendSignerInvites,
        @JsonProperty("SendSessionRedirectUrl") String sendSessionRedirectUrl,
        @JsonProperty("Description") String description,
        @JsonProperty("ExpiresOn") VendorDate expiresOn,
        @JsonProperty("ReminderFrequencyDays") Integer reminderFrequencyDays) {
}
