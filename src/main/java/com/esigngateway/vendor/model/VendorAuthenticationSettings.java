package com.esigngateway.vendor.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record VendorAuthenticationSettings(@JsonProperty("Password") Secret password) {
}
