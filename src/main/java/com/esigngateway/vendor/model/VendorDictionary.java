package com.esigngateway.vendor.model;

import java.util.Map;

import com.esigngateway.config.VendorConfig.DictionaryFormat;
import com.esigngateway.vendor.wire.VendorDictionarySerializer;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A .NET {@code Dictionary<string,string>} in the wire form the vendor was configured to read. */
@RegisterForReflection
@JsonSerialize(using = VendorDictionarySerializer.class)
public record VendorDictionary(Map<String, String> entries, DictionaryFormat format) {

    public static VendorDictionary empty(DictionaryFormat format) {
        return new VendorDictionary(Map.of(), format);
    }
}
