package com.esigngateway.document;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Decodes {@code content} straight from the request stream into a {@link DocumentSpool}: the base64
 * text is never held as a string, the bytes never as more than one copy. Text that is not base64
 * becomes {@link DocumentContent#invalid()}, so the validator can report it with every other problem.
 */
public class DocumentContentDeserializer extends StdDeserializer<DocumentContent> {

    public DocumentContentDeserializer() {
        super(DocumentContent.class);
    }

    @Override
    public DocumentContent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (DocumentContent) context.handleUnexpectedToken(byte[].class, parser);
        }
        DocumentSpool.Spooler spooler = DocumentSpool.current();
        try {
            parser.readBinaryValue(context.getBase64Variant(), spooler);
            return spooler.finish();
        } catch (StreamReadException | IllegalArgumentException notBase64) {
            // Jackson's streaming decoder reports a bad character with IllegalArgumentException; the
            // parser still knows it is inside the string and skips the rest of it on the next token.
            spooler.discard();
            return DocumentContent.invalid();
        } catch (IOException | RuntimeException e) {
            spooler.discard();
            throw e;
        }
    }
}
