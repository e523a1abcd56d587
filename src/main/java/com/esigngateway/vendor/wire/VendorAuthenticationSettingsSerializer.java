package com.esigngateway.vendor.wire;

import java.io.IOException;

import com.esigngateway.vendor.model.VendorAuthenticationSettings;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** Writes the phone number under the configured field name, which annotations cannot take at run time. */
public class VendorAuthenticationSettingsSerializer extends StdSerializer<VendorAuthenticationSettings> {

    public VendorAuthenticationSettingsSerializer() {
        super(VendorAuthenticationSettings.class);
    }

    @Override
    public void serialize(VendorAuthenticationSettings value, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        gen.writeStartObject();
        if (value.password() != null) {
            gen.writeStringField("Password", value.password().reveal());
        }
        if (value.phone() != null) {
            gen.writeStringField(value.phoneField(), value.phone().reveal());
        }
        gen.writeEndObject();
    }
}
