package com.esigngateway.vendor.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Personal data on its way to the vendor, such as a signer's phone number: not a credential, but kept out
 * of log lines all the same. Serialized as its value, printed masked.
 */
@RegisterForReflection
public final class PersonalData {

    private final String value;

    private PersonalData(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static PersonalData of(String value) {
        return value == null ? null : new PersonalData(value);
    }

    @JsonValue
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalData data && data.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "<personal data>";
    }
}
