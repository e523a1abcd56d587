package com.esigngateway.vendor.wire;

import jakarta.inject.Singleton;

import com.esigngateway.vendor.model.FileBytes;
import com.esigngateway.vendor.model.VendorAuthenticationSettings;
import com.esigngateway.vendor.model.VendorDate;
import com.esigngateway.vendor.model.VendorDictionary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The vendor's wire codecs as one Jackson module on the application's mapper: the model records stay plain data and
 * know nothing of how they are written, so a codec can change without touching the model.
 */
@Singleton
public class VendorWireModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("esign-vendor-wire");
        module.addSerializer(FileBytes.class, new FileBytesSerializer());
        module.addSerializer(VendorDate.class, new VendorDateSerializer());
        module.addSerializer(VendorDictionary.class, new VendorDictionarySerializer());
        module.addSerializer(VendorAuthenticationSettings.class, new VendorAuthenticationSettingsSerializer());
        mapper.registerModule(module);
    }
}
