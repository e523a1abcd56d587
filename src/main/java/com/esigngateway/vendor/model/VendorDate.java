package com.esigngateway.vendor.model;

import java.time.Instant;

import com.esigngateway.config.VendorConfig.DateFormat;
import com.esigngateway.vendor.wire.VendorDateSerializer;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A point in time in the wire format the vendor was configured to read. */
@RegisterForReflection
@JsonSerialize(using = VendorDateSerializer.class)
public record VendorDate(Instant instant, DateFormat format) {
}
