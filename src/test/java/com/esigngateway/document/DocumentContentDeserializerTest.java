package com.esigngateway.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * A body parsed in place has its plain base64 decoded where it lies; whatever the string holds, the outcome (valid or
 * not, and the bytes) is the one Jackson's own decoder gives.
 */
class DocumentContentDeserializerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "garbage before the body ";

    public static final class Holder {
        public DocumentContent content;
        public Object next;
        public Object n;
    }

    @Test
    void plainBase64IsDecodedInPlaceWhereverTheBodyStartsInItsArray() throws Exception {
        Random random = new Random(21);
        for (int size = 0; size < 40; size++) {
            byte[] document = new byte[size];
            random.nextBytes(document);
            String base64 = Base64.getEncoder().encodeToString(document);
            byte[] array = (PREFIX + "{\"content\": \"" + base64 + "\", \"n\": 1}").getBytes(StandardCharsets.UTF_8);
            try (JsonParser parser = MAPPER.createParser(array, PREFIX.length(), array.length - PREFIX.length())) {
                assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                parser.nextToken();
                assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(DocumentContentDeserializer.decodedInPlace(parser,
                        new DocumentContentDeserializer.InPlace(array, PREFIX.length()), Base64Variants.getDefaultVariant(),
                        out)).as("size %d", size).isTrue();
                assertThat(out.toByteArray()).isEqualTo(document);
                assertThat(parser.nextToken()).isEqualTo(JsonToken.FIELD_NAME); // the string is skipped as usual
                assertThat(parser.currentName()).isEqualTo("n");
            }
        }
    }

    @Test
    void inPlaceAndStreamedDecodingAgreeOnEveryKindOfString() throws Exception {
        List<String> contents = List.of("", "QUJD", "QUI=", "QQ==", "QUJDRA", "QUJDRA=", "QU JD", "QUJD\\n", "\\u0051UJD",
                "QUJ\\/", "QU=D", "Q===", "====", "QUJD====", "-_-_", "QUJD!", "é€😀QUJD", "QUJDQUJD\\\"", "ABC/+90=");
        for (String content : contents) {
            String json = "{\"content\": \"" + content + "\"}";
            String streamed = outcome(() -> streamed(json));
            byte[] array = (PREFIX + json).getBytes(StandardCharsets.UTF_8);
            ObjectReader reader = MAPPER.readerFor(Holder.class).withAttribute(DocumentContentDeserializer.InPlace.class,
                    new DocumentContentDeserializer.InPlace(array, PREFIX.length()));
            String inPlace = outcome(
                    () -> reader.readValue(reader.createParser(array, PREFIX.length(), array.length - PREFIX.length())));
            assertThat(inPlace).as(content).isEqualTo(streamed);
        }
    }

    @Test
    void paddingOnlyAtTheEndInPlaceAndStreamed() throws Exception {
        for (String content : List.of("AA==AA==", "QQ==QUJD", "QUI=QUJD", "QQ== QUJD", "QQ==\\u0051UJD",
                "QQ\\u003d\\u003dQUJD", "QQ\\u003D=QUJD")) {
            String json = "{\"content\": \"" + content + "\", \"next\": \"a=b\"}";
            byte[] array = (PREFIX + json).getBytes(StandardCharsets.UTF_8);
            ObjectReader reader = MAPPER.readerFor(Holder.class).withAttribute(DocumentContentDeserializer.InPlace.class,
                    new DocumentContentDeserializer.InPlace(array, PREFIX.length()));
            assertThat(outcome(() -> reader.readValue(reader.createParser(array, PREFIX.length(),
                    array.length - PREFIX.length())))).as("in place: " + content).isEqualTo("invalid");
            assertThat(outcome(() -> streamed(json))).as("streamed: " + content).isEqualTo("invalid");
        }
        // data after padding elsewhere in the body (a URL's query) does not count, nor padding at the end
        assertThat(outcome(() -> streamed("{\"next\": \"?a=b\", \"content\": \"QQ==\", \"n\": \"x=y\"}")))
                .isEqualTo("bytes [65]");
        assertThat(outcome(() -> streamed("{\"content\": \"QQ\\u003d\\u003d\"}"))).isEqualTo("bytes [65]");
    }

    @Test
    void aLongStreamedDocumentIsWatchedToItsEnd() throws Exception {
        byte[] document = new byte[300_000];
        new Random(7).nextBytes(document);
        String base64 = Base64.getEncoder().encodeToString(document);
        String padded = Base64.getEncoder().encodeToString(new byte[] {1});
        assertThat(outcome(() -> streamed("{\"content\": \"" + base64 + "\"}"))).startsWith("bytes [");
        assertThat(outcome(() -> streamed("{\"content\": \"" + padded + base64 + "\"}"))).isEqualTo("invalid");
        assertThat(outcome(() -> streamed("{\"content\": \"" + base64 + padded + base64 + "\"}"))).isEqualTo("invalid");
    }

    /** As the gateway reads a body from a stream: watched for padding before the end. */
    private static Holder streamed(String json) throws Exception {
        Base64Padding.Watch watch = new Base64Padding.Watch(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return MAPPER.readerFor(Holder.class).withAttribute(Base64Padding.Watch.class, watch).readValue(watch);
    }

    private interface Read {
        Holder read() throws Exception;
    }

    /** What the caller would get: the bytes, "invalid" (reported by the validator), or the parse failure's kind. */
    private static String outcome(Read read) {
        try {
            DocumentContent content = read.read().content;
            return content.isValid() ? "bytes " + java.util.Arrays.toString(content.toByteArray()) : "invalid";
        } catch (Exception e) {
            return "failed " + e.getClass().getName();
        }
    }
}
