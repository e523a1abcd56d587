package com.esigngateway.vendor.wire;

import java.io.IOException;

import com.esigngateway.vendor.model.VendorDate;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes {@code "\/Date(ms)\/"} with the slashes escaped, byte for byte what .NET's JavaScriptSerializer
 * writes: .NET readers recognise a date only by that escaped form, which a plain JSON string writer
 * would never produce.
 */
public class VendorDateSerializer extends StdSerializer<VendorDate> {

    public VendorDateSerializer() {
        super(VendorDate.class);
    }

    @Override
    public void serialize(VendorDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        switch (value.format()) {
            case MICROSOFT_JSON -> gen.writeRawValue("\"\\/Date(" + value.instant().toEpochMilli() + ")\\/\"");
            case ISO_8601 -> gen.writeString(value.instant().toString());
        }
    }
}
