package com.esigngateway.vendor.wire;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.esigngateway.vendor.model.FileBytes;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * A vendor request body as JSON text with document bytes spliced in. It knows its exact length up
 * front (for {@code Content-Length}) and renders the documents only while it is being sent, one
 * bounded chunk at a time. It can be sent more than once (a retry after a token rejection).
 */
public final class VendorBody {

    sealed interface Segment permits JsonText, EncodedFile {
        long length();
    }

    record JsonText(byte[] bytes) implements Segment {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    record EncodedFile(FileBytes file, FileBytesEncoding encoding, long length) implements Segment {
    }

    private final List<Segment> segments;
    private final long contentLength;

    VendorBody(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.contentLength = segments.stream().mapToLong(Segment::length).sum();
    }

    public long contentLength() {
        return contentLength;
    }

    /** A fresh, lazy stream of the body; each subscription renders it anew. */
    public Multi<Buffer> stream() {
        return Multi.createFrom().iterable(() -> new ChunkIterator(segments));
    }

    /** The whole body in memory: for tests and small bodies only. */
    public byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(contentLength, Integer.MAX_VALUE - 8));
        new ChunkIterator(segments).forEachRemaining(chunk -> out.writeBytes(chunk.getBytes()));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "VendorBody[" + contentLength + " bytes]";
    }

    /** Walks the segments; a document segment yields one chunk per input slice. */
    private static final class ChunkIterator implements Iterator<Buffer> {
        private final Iterator<Segment> segments;
        private EncodedFile file;
        private int offset;

        ChunkIterator(List<Segment> segments) {
            this.segments = segments.iterator();
        }

        @Override
        public boolean hasNext() {
            return file != null || segments.hasNext();
        }

        @Override
        public Buffer next() {
            if (file == null) {
                if (!segments.hasNext()) {
                    throw new NoSuchElementException();
                }
                Segment segment = segments.next();
                if (segment instanceof JsonText text) {
                    return Buffer.buffer(text.bytes());
                }
                file = (EncodedFile) segment;
                offset = 0;
            }
            byte[] content = file.file().content();
            int to = Math.min(content.length, offset + FileBytesEncoding.INPUT_SLICE);
            byte[] chunk = file.encoding().render(content, offset, to, offset == 0, to == content.length);
            offset = to;
            if (to == content.length) {
                file = null;
            }
            return Buffer.buffer(chunk);
        }
    }
}
