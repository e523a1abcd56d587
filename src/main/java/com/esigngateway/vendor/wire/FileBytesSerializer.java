package com.esigngateway.vendor.wire;

import java.io.IOException;

import com.esigngateway.vendor.model.FileBytes;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Inside {@link VendorBodyWriter} it leaves a hole where the bytes go, to be filled while the body is
 * sent; elsewhere (a plain {@code ObjectMapper}) it writes the bytes inline.
 */
public class FileBytesSerializer extends StdSerializer<FileBytes> {

    public FileBytesSerializer() {
        super(FileBytes.class);
    }

    @Override
    public void serialize(FileBytes value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (provider.getAttribute(VendorBodyWriter.HOLES) instanceof VendorBodyWriter.Holes holes) {
            gen.writeRawValue("");
            gen.flush();
            holes.mark(value);
            return;
        }
        // Outside the vendor body writer (diagnostics): render the whole document inline.
        FileBytesEncoding encoding = FileBytesEncoding.of(value.format());
        VendorBody body = new VendorBody(java.util.List.of(
                new VendorBody.EncodedFile(value, encoding, encoding.length(value.source()))));
        gen.writeRawValue(new String(body.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII));
    }
}
