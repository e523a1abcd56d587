package com.esigngateway.vendor.model;

import java.util.Map;

import com.esigngateway.config.VendorConfig.DictionaryFormat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A .NET {@code Dictionary<string,string>} in the wire form the vendor was configured to read. */
@RegisterForReflection
public record VendorDictionary(Map<String, String> entries, DictionaryFormat format) {

    public static VendorDictionary empty(DictionaryFormat format) {
        return new VendorDictionary(Map.of(), format);
    }
}
