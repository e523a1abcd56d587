package com.esigngateway.vendor.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.esigngateway.document.DocumentContent;
import com.esigngateway.document.DocumentSource;
import com.esigngateway.document.DocumentSpool;
import com.esigngateway.vendor.model.SessionFile;
import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the files out of a vendor answer whose shape is not documented (GetSessionFiles), in one streaming pass:
 * every object, at any depth, with a bytes field ({@code FileBytes} and the other configured names, in any case) is a
 * file, named by a name field of the same object (its id and content type too, where the vendor gives them). The bytes may be a number array (what the vendor's .NET serializer
 * writes for a {@code byte[]}) or base64; either is decoded straight into a {@link DocumentSpool.Spooler}, so a file
 * costs the heap a buffer, not its size. Anything else in the answer is skipped.
 */
public final class SessionFilesReader {

    /** Standard alphabet, padding optional: .NET writes it with padding, others without. */
    private static final Base64Variant BASE64 = Base64Variants.MIME_NO_LINEFEEDS.withPaddingAllowed();

    private final JsonFactory json;
    /** Each field name (any case) with its rank: where a file has two, the one named first in the settings wins. */
    private final Map<String, Integer> bytesFields = ranked(List.of());
    private final Map<String, Integer> nameFields = ranked(List.of());
    private final Map<String, Integer> idFields = ranked(List.of());
    private final Map<String, Integer> contentTypeFields = ranked(List.of());

    /** The field names of a file's parts; the vendor documents none of them. */
    public record Fields(List<String> bytes, List<String> name, List<String> id, List<String> contentType) {
    }

    public SessionFilesReader(JsonFactory json, Fields fields) {
        this.json = json;
        this.bytesFields.putAll(ranked(fields.bytes()));
        this.nameFields.putAll(ranked(fields.name()));
        this.idFields.putAll(ranked(fields.id()));
        this.contentTypeFields.putAll(ranked(fields.contentType()));
    }

    private static Map<String, Integer> ranked(List<String> names) {
        Map<String, Integer> ranks = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < names.size(); i++) {
            ranks.putIfAbsent(names.get(i).strip(), i);
        }
        return ranks;
    }

    /** A text of a file, and the rank of the field it came from (lower is better). */
    private static final class Best {
        String value;
        int rank = Integer.MAX_VALUE;

        void offer(String candidate, Integer candidateRank) {
            if (candidateRank != null && candidateRank < rank) {
                value = candidate;
                rank = candidateRank;
            }
        }
    }

    /** The answer's bytes were not what a files answer can be; the message names no content. */
    public static final class UnreadableFilesException extends IOException {
        UnreadableFilesException(String message) {
            super(message, null);
        }
    }

    /** The files in {@code answer}, in the order they come; on any failure none is kept. */
    public List<SessionFile> read(DocumentSource answer, Supplier<DocumentSpool.Spooler> spool) throws IOException {
        List<SessionFile> files = new ArrayList<>();
        try (DocumentSource.Reader reader = answer.open();
                JsonParser parser = json.createParser(asStream(reader))) {
            if (parser.nextToken() == null) {
                throw new UnreadableFilesException("the answer is empty");
            }
            value(parser, files, spool);
            if (parser.nextToken() != null) {
                throw new UnreadableFilesException("the answer goes on after its JSON value");
            }
            return files;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            files.forEach(SessionFile::release);
            throw new UnreadableFilesException("the answer is not well-formed JSON (at byte "
                    + (e.getLocation() == null ? "?" : e.getLocation().getByteOffset()) + ")");
        } catch (IOException | RuntimeException e) {
            files.forEach(SessionFile::release);
            throw e;
        }
    }

    /** The value at the parser's current token, and what it holds. */
    private void value(JsonParser parser, List<SessionFile> files, Supplier<DocumentSpool.Spooler> spool)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                value(parser, files, spool);
            }
        } else if (token == JsonToken.START_OBJECT) {
            object(parser, files, spool);
        }
    }

    private void object(JsonParser parser, List<SessionFile> files, Supplier<DocumentSpool.Spooler> spool)
            throws IOException {
        Best name = new Best();
        Best id = new Best();
        Best contentType = new Best();
        DocumentContent content = null;
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (content == null && bytesFields.containsKey(field)
                        && (token == JsonToken.START_ARRAY || token == JsonToken.VALUE_STRING)) {
                    content = bytes(parser, token, spool.get());
                } else if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
                    String text = parser.getText();
                    if (token == JsonToken.VALUE_STRING) {
                        name.offer(text, nameFields.get(field));
                        contentType.offer(text, contentTypeFields.get(field));
                    }
                    id.offer(text, idFields.get(field));
                } else {
                    value(parser, files, spool);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (content != null) {
                content.release();
            }
            throw e;
        }
        if (content != null) {
            files.add(new SessionFile(name.value, id.value, contentType.value, content));
        }
    }

    private static DocumentContent bytes(JsonParser parser, JsonToken token, DocumentSpool.Spooler out)
            throws IOException {
        try {
            if (token == JsonToken.VALUE_STRING) {
                try {
                    parser.readBinaryValue(BASE64, out); // streamed: the string is never held whole
                } catch (IllegalArgumentException notBase64) {
                    throw new UnreadableFilesException("a file's bytes are neither a number array nor base64");
                }
            } else {
                numberArray(parser, out);
            }
            return out.finish();
        } catch (IOException | RuntimeException e) {
            out.discard();
            throw e;
        }
    }

    /** {@code [37,80,68,70,…]}: each number a byte, 0 to 255 (or -128 to -1, as a signed byte is written). */
    private static void numberArray(JsonParser parser, DocumentSpool.Spooler out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int filled = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new UnreadableFilesException("a file's bytes hold something other than integers");
            }
            int value = parser.getIntValue();
            if (value < -128 || value > 255) {
                throw new UnreadableFilesException("a file's bytes hold a number that is not a byte");
            }
            buffer[filled++] = (byte) value;
            if (filled == buffer.length) {
                out.write(buffer, 0, filled);
                filled = 0;
            }
        }
        out.write(buffer, 0, filled);
    }

    private static InputStream asStream(DocumentSource.Reader reader) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return reader.read(buffer, offset, length);
            }
        };
    }
}
