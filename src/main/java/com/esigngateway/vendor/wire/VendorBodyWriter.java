package com.esigngateway.vendor.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.vendor.model.FileBytes;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serializes a vendor request with Jackson, except the document bytes: {@link FileBytesSerializer}
 * marks where each document goes and {@link VendorBody} renders it there while the body is sent.
 */
@ApplicationScoped
public class VendorBodyWriter {

    static final Object HOLES = VendorBodyWriter.class.getName() + ".holes";

    private final ObjectMapper mapper;

    public VendorBodyWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public VendorBody write(Object request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        Holes holes = new Holes(out);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
            mapper.writer().withAttribute(HOLES, holes).writeValue(gen, request);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialize the vendor request", e);
        }
        return holes.splice(out.toByteArray());
    }

    /** Where the documents go in the serialized text. */
    static final class Holes {
        private final ByteArrayOutputStream out;
        private final List<Integer> offsets = new ArrayList<>();
        private final List<FileBytes> files = new ArrayList<>();

        Holes(ByteArrayOutputStream out) {
            this.out = out;
        }

        void mark(FileBytes file) {
            offsets.add(out.size());
            files.add(file);
        }

        VendorBody splice(byte[] json) {
            List<VendorBody.Segment> segments = new ArrayList<>(files.size() * 2 + 1);
            int from = 0;
            for (int i = 0; i < files.size(); i++) {
                int to = offsets.get(i);
                segments.add(new VendorBody.JsonText(Arrays.copyOfRange(json, from, to)));
                FileBytes file = files.get(i);
                FileBytesEncoding encoding = FileBytesEncoding.of(file.format());
                segments.add(new VendorBody.EncodedFile(file, encoding, encoding.length(file.source())));
                from = to;
            }
            segments.add(new VendorBody.JsonText(Arrays.copyOfRange(json, from, json.length)));
            return new VendorBody(segments);
        }
    }
}
