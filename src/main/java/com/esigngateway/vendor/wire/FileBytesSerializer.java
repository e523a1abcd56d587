package com.esigngateway.vendor.wire;

import java.io.IOException;

import com.esigngateway.vendor.model.FileBytes;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Leaves a hole where the bytes go, to be filled while the body is sent: document bytes are written only by
 * {@link VendorBody}, never by a plain {@code ObjectMapper} (which would render a whole document into memory).
 */
public class FileBytesSerializer extends StdSerializer<FileBytes> {

    public FileBytesSerializer() {
        super(FileBytes.class);
    }

    @Override
    public void serialize(FileBytes value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (!(provider.getAttribute(VendorBodyWriter.HOLES) instanceof VendorBodyWriter.Holes holes)) {
            throw new IllegalStateException("document bytes are written by VendorBodyWriter only");
        }
        gen.writeRawValue("");
        gen.flush();
        holes.mark(value);
    }
}
