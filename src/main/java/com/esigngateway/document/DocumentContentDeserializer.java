package com.esigngateway.document;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Decodes {@code content} straight from the request stream into a {@link DocumentSpool}: the base64
 * text is never held as a string, the bytes never as more than one copy. Text that is not base64
 * becomes {@link DocumentContent#invalid()}, so the validator can report it with every other problem.
 * <p>
 * A body parsed in place ({@link InPlace}, a small body held in memory) has its plain base64 decoded where it lies by
 * {@link java.util.Base64}, several times faster than Jackson's byte-by-byte decoder; anything else in the string
 * (escapes, white space, no padding, a character outside the alphabet) goes to Jackson's decoder as before, so that
 * what is valid base64 stays Jackson's call, but for one rule Jackson does not hold: padding only at the end
 * ({@link Base64Padding}, in place or watched on the stream the parser reads).
 */
public class DocumentContentDeserializer extends StdDeserializer<DocumentContent> {

    /** The array a body is parsed from in place, and where the parser's input starts in it (a context attribute). */
    public record InPlace(byte[] array, int offset) {
    }

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
            if (!decodedInPlace(parser, context, spooler)) {
                if (paddingInPlace(parser, context)) {
                    spooler.discard();
                    return DocumentContent.invalid();
                }
                Base64Padding.Watch watch = context.getAttribute(Base64Padding.Watch.class) instanceof Base64Padding.Watch w
                        ? w : null;
                if (watch != null) {
                    watch.from(parser.currentTokenLocation().getByteOffset());
                }
                parser.readBinaryValue(context.getBase64Variant(), spooler);
                if (watch != null && watch.inside(parser.currentLocation().getByteOffset())) {
                    spooler.discard();
                    return DocumentContent.invalid();
                }
            }
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

    /** Whether a string held in place has padding before its end (which Jackson's decoder would take). */
    private static boolean paddingInPlace(JsonParser parser, DeserializationContext context) {
        if (!(context.getAttribute(InPlace.class) instanceof InPlace body)) {
            return false;
        }
        long quote = body.offset() + parser.currentTokenLocation().getByteOffset();
        return quote >= body.offset() && quote < body.array().length && body.array()[(int) quote] == '"'
                && Base64Padding.inside(body.array(), (int) quote);
    }

    /** False, having consumed nothing, unless the string is plain padded base64 that the parser's array holds. */
    private static boolean decodedInPlace(JsonParser parser, DeserializationContext context, OutputStream out)
            throws IOException {
        return context.getAttribute(InPlace.class) instanceof InPlace body
                && decodedInPlace(parser, body, context.getBase64Variant(), out);
    }

    static boolean decodedInPlace(JsonParser parser, InPlace body, Base64Variant variant, OutputStream out)
            throws IOException {
        if (variant != Base64Variants.getDefaultVariant()) {
            return false;
        }
        byte[] bytes = body.array();
        long quote = body.offset() + parser.currentTokenLocation().getByteOffset();
        if (quote < body.offset() || quote >= bytes.length || bytes[(int) quote] != '"') {
            return false;
        }
        int start = (int) quote + 1;
        int end = start;
        while (end < bytes.length && bytes[end] != '"' && bytes[end] != '\\') {
            end++;
        }
        if (end == bytes.length || bytes[end] != '"' || (end - start) % 4 != 0) {
            return false;
        }
        ByteBuffer decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, start, end - start));
        } catch (IllegalArgumentException notPlain) {
            return false;
        }
        out.write(decoded.array(), decoded.arrayOffset() + decoded.position(), decoded.remaining());
        return true;
    }
}
