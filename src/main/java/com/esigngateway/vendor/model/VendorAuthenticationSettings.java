package com.esigngateway.vendor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The vendor's {@code AuthenticationSettings}: {@code Password} as its sample names it, and the SMS phone
 * number under {@code phoneField}, a configured name because the vendor does not document it. Absent
 * values are left out.
 */
@RegisterForReflection
public record VendorAuthenticationSettings(Secret password, PersonalData phone, String phoneField) {
}
