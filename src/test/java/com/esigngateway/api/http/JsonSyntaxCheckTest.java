package com.esigngateway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.esigngateway.api.json.JsonSyntaxCheck;
import com.fasterxml.jackson.core.JsonFactory;

/**
 * The early syntax check leaves out the contents of long strings: whatever the string holds (escapes, {@code \\u}
 * sequences, multi-byte characters) and wherever the body is split into chunks, valid JSON stays valid and broken
 * JSON is found, at its real column.
 */
class JsonSyntaxCheckTest {

    private static final String LONG = "é€😀\\\"\\\\\\n\\u00e9\\uD83D\\uDE00 plain".repeat(40); // ~1.6 KB, past the kept 256 bytes

    @Test
    void validJsonWithLongStringsPassesWhateverTheChunks() {
        List<String> bodies = List.of(
                "{\"title\":\"" + LONG + "\",\"documents\":[{\"content\":\"" + "QUJD".repeat(5000) + "\"}],\"n\":-1.5e3}",
                "[\"" + LONG + "\",\"" + LONG + "\",null,true,{\"" + LONG + "\":[]}]",
                "\"" + LONG + "\"",
                "{\"a\":\"\\u00e9" + "x".repeat(300) + "\\u00e9\"}");
        Random random = new Random(11);
        for (String body : bodies) {
            for (int trial = 0; trial < 50; trial++) {
                JsonSyntaxCheck check = new JsonSyntaxCheck(new JsonFactory());
                for (byte[] chunk : chunks(body.getBytes(StandardCharsets.UTF_8), random)) {
                    assertThat(check.feed(chunk)).as(body.substring(0, 20)).isTrue();
                }
                assertThat(check.end()).isTrue();
            }
        }
    }

    @Test
    void brokenJsonIsFoundAtItsRealColumn() {
        String body = "{\"title\":\"" + LONG + "\" \"owner\":1}";
        Random random = new Random(12);
        for (int trial = 0; trial < 50; trial++) {
            JsonSyntaxCheck check = new JsonSyntaxCheck(new JsonFactory());
            boolean fine = true;
            for (byte[] chunk : chunks(body.getBytes(StandardCharsets.UTF_8), random)) {
                fine &= check.feed(chunk);
            }
            assertThat(fine && check.end()).isFalse();
            int column = body.getBytes(StandardCharsets.UTF_8).length - "\"owner\":1}".length() + 1;
            assertThat(check.error().getLineNr()).isEqualTo(1);
            assertThat(check.error().getColumnNr()).isBetween(column, column + 1);
        }
    }

    @Test
    void aBreakAfterALongDocumentIsFoundAtItsRealColumn() {
        for (int pad = 0; pad < 9; pad++) { // the closing quote at every offset within a word of eight bytes
            String body = "{\"documents\":[{\"content\":\"" + "QUJD".repeat(3000) + "x".repeat(pad) + "\" \"name\":1}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Random random = new Random(13 + pad);
            for (int trial = 0; trial < 20; trial++) {
                JsonSyntaxCheck check = new JsonSyntaxCheck(new JsonFactory());
                boolean fine = true;
                for (byte[] chunk : chunks(bytes, random)) {
                    fine &= check.feed(chunk);
                }
                assertThat(fine && check.end()).isFalse();
                int column = bytes.length - "\"name\":1}]}".length() + 1;
                assertThat(check.error().getColumnNr()).as("pad %d", pad).isBetween(column, column + 1);
            }
        }
    }

    @Test
    void plainContentEndsAtTheFirstQuoteOrBackslash() {
        for (int at = 0; at < 40; at++) {
            for (char stop : new char[] {'"', '\\'}) {
                byte[] bytes = ("A".repeat(at) + stop + "B\"".repeat(3)).getBytes(StandardCharsets.US_ASCII);
                for (int from = 0; from <= at; from++) {
                    assertThat(JsonSyntaxCheck.endOfPlainContent(bytes, from)).isEqualTo(at);
                }
            }
            assertThat(JsonSyntaxCheck.endOfPlainContent("é".repeat(at).getBytes(StandardCharsets.UTF_8), 0))
                    .isEqualTo(2 * at);
        }
    }

    @Test
    void aBodyThatMerelyEndsEarlyIsLeftToTheFullParse() {
        JsonSyntaxCheck check = new JsonSyntaxCheck(new JsonFactory());
        assertThat(check.feed("{\"title\":\"".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(check.end()).isTrue();
    }

    private static List<byte[]> chunks(byte[] body, Random random) {
        List<byte[]> chunks = new java.util.ArrayList<>();
        int offset = 0;
        while (offset < body.length) {
            int size = Math.min(body.length - offset, 1 + random.nextInt(random.nextBoolean() ? 7 : 700));
            chunks.add(Arrays.copyOfRange(body, offset, offset + size));
            offset += size;
        }
        return chunks;
    }
}
