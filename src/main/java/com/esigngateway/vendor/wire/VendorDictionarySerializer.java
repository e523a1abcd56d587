package com.esigngateway.vendor.wire;

import java.io.IOException;
import java.util.Map;

import com.esigngateway.vendor.model.VendorDictionary;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

public class VendorDictionarySerializer extends StdSerializer<VendorDictionary> {

    public VendorDictionarySerializer() {
        super(VendorDictionary.class);
    }

    @Override
    public void serialize(VendorDictionary value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        switch (value.format()) {
            case OBJECT -> {
                gen.writeStartObject();
                for (Map.Entry<String, String> entry : value.entries().entrySet()) {
                    gen.writeStringField(entry.getKey(), entry.getValue());
                }
                gen.writeEndObject();
            }
            case KEY_VALUE_ARRAY -> {
                gen.writeStartArray();
                for (Map.Entry<String, String> entry : value.entries().entrySet()) {
                    gen.writeStartObject();
                    gen.writeStringField("Key", entry.getKey());
                    gen.writeStringField("Value", entry.getValue());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
        }
    }
}
