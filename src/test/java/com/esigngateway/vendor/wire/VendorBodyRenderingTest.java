package com.esigngateway.vendor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.esigngateway.document.DocumentContent;
import com.esigngateway.document.DocumentSource;
import com.esigngateway.config.VendorConfig.FileBytesFormat;
import com.esigngateway.vendor.model.FileBytes;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The streamed vendor body is exactly what a straightforward serializer would write, for any size
 * (slices of 16383 bytes), both encodings, from memory or from a file, and its Content-Length is exact.
 */
class VendorBodyRenderingTest {

    record Doc(@JsonProperty("FileName") String name, @JsonProperty("FileBytes") FileBytes bytes) {
    }

    @TempDir
    Path dir;

    final VendorBodyWriter writer = new VendorBodyWriter(withTheWireModule(new ObjectMapper()));

    /** The application's mapper gets the vendor's codecs the same way (an ObjectMapperCustomizer). */
    private static ObjectMapper withTheWireModule(ObjectMapper mapper) {
        new VendorWireModule().customize(mapper);
        return mapper;
    }

    @Test
    void numberArraysAndBase64MatchAPlainRenderingAtEverySize() throws Exception {
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 2, 3, 9, 10, 255, 16382, 16383, 16384, 16383 * 3 + 1, 200_000}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            for (FileBytesFormat format : FileBytesFormat.values()) {
                String expected = "{\"FileName\":\"a.pdf\",\"FileBytes\":" + plain(bytes, format) + "}";
                for (DocumentSource source : List.of(DocumentContent.of(bytes), fileSource(bytes))) {
                    VendorBody body = writer.write(new Doc("a.pdf", new FileBytes(source, format)));
                    byte[] rendered = body.toByteArray();
                    assertThat(new String(rendered, StandardCharsets.US_ASCII)).as(size + " bytes " + format)
                            .isEqualTo(expected);
                    assertThat(body.contentLength()).isEqualTo(rendered.length);
                    assertThat(streamed(body)).isEqualTo(rendered);
                }
            }
        }
    }

    @Test
    void twoDocumentsInOneBodyKeepTheirPlaces() {
        record Session(@JsonProperty("A") FileBytes a, @JsonProperty("Title") String title, @JsonProperty("B") FileBytes b) {
        }
        VendorBody body = writer.write(new Session(new FileBytes(DocumentContent.of(new byte[] {1, 2}), FileBytesFormat.NUMBER_ARRAY),
                "t", new FileBytes(DocumentContent.of(new byte[] {(byte) 255}), FileBytesFormat.NUMBER_ARRAY)));
        assertThat(new String(body.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("{\"A\":[1,2],\"Title\":\"t\",\"B\":[255]}");
    }

    private static String plain(byte[] bytes, FileBytesFormat format) {
        if (format == FileBytesFormat.BASE64) {
            return "\"" + Base64.getEncoder().encodeToString(bytes) + "\"";
        }
        StringJoiner joiner = new StringJoiner(",", "[", "]");
        for (byte b : bytes) {
            joiner.add(Integer.toString(b & 0xFF));
        }
        return joiner.toString();
    }

    private static byte[] streamed(VendorBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.stream().subscribe().asIterable().forEach(chunk -> out.writeBytes(chunk.getBytes()));
        return out.toByteArray();
    }

    /** A document on disk, read the way a spooled one is. */
    private DocumentSource fileSource(byte[] bytes) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "doc", ".bin"), bytes);
        DocumentContent memory = DocumentContent.of(bytes);
        return new DocumentSource() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public long numberArrayLength() {
                return memory.numberArrayLength();
            }

            @Override
            public Reader open() throws IOException {
                var in = Files.newInputStream(file);
                return new Reader() {
                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return in.read(buffer, offset, Math.min(length, 1000)); // short reads on purpose
                    }

                    @Override
                    public void close() throws IOException {
                        in.close();
                    }
                };
            }
        };
    }
}
