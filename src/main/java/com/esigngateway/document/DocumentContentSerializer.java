package com.esigngateway.document;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** A document as its SHA-256: what request fingerprints (idempotency) compare; never its bytes. */
public class DocumentContentSerializer extends StdSerializer<DocumentContent> {

    public DocumentContentSerializer() {
        super(DocumentContent.class);
    }

    @Override
    public void serialize(DocumentContent value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.isValid() ? "sha256:" + value.sha256() + ":" + value.length() : "invalid");
    }
}
