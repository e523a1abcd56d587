package com.esigngateway.vendor.model;

import java.time.Instant;

import com.esigngateway.config.VendorConfig.DateFormat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A point in time in the wire format the vendor was configured to read. */
@RegisterForReflection
public record VendorDate(Instant instant, DateFormat format) {
}
