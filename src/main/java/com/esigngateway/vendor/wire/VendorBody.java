package com.esigngateway.vendor.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.esigngateway.vendor.model.FileBytes;
import com.esigngateway.document.DocumentSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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

    /**
     * A fresh, lazy stream of the body; each subscription renders it anew, one chunk per request from
     * the HTTP client (backpressure). A spooled document is read 16 KiB at a time on the requesting
     * thread: reads of a file just written are served from the page cache.
     */
    public Multi<Buffer> stream() {
        return Multi.createFrom().resource(() -> new ChunkIterator(segments),
                iterator -> Multi.createFrom().iterable(() -> iterator))
                .withFinalizer(ChunkIterator::close);
    }

    /** The whole body in memory: for tests and small bodies only. */
    public byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(contentLength, Integer.MAX_VALUE - 8));
        try (ChunkIterator chunks = new ChunkIterator(segments)) {
            chunks.forEachRemaining(chunk -> out.writeBytes(chunk.getBytes()));
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "VendorBody[" + contentLength + " bytes]";
    }

    /** Walks the segments; a document segment yields one chunk per input slice. */
    private static final class ChunkIterator implements Iterator<Buffer>, AutoCloseable {
        private final Iterator<Segment> segments;
        private final byte[] slice = new byte[FileBytesEncoding.INPUT_SLICE];
        private EncodedFile file;
        private DocumentSource.Reader reader;
        private long offset;

        ChunkIterator(List<Segment> segments) {
            this.segments = segments.iterator();
        }

        @Override
        public boolean hasNext() {
            return file != null || segments.hasNext();
        }

        @Override
        public Buffer next() {
            try {
                if (file == null) {
                    if (!segments.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Segment segment = segments.next();
                    if (segment instanceof JsonText text) {
                        return wrap(text.bytes());
                    }
                    file = (EncodedFile) segment;
                    reader = file.file().source().open();
                    offset = 0;
                }
                long size = file.file().source().length();
                int count = fill((int) Math.min(slice.length, size - offset));
                boolean first = offset == 0;
                offset += count;
                boolean last = offset >= size;
                ByteBuf chunk = file.encoding().render(slice, count, first, last);
                if (last) {
                    closeReader();
                    file = null;
                }
                return Buffer.newInstance(io.vertx.core.buffer.Buffer.buffer(chunk));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read a document for the vendor body", e);
            }
        }

        /** Hands the array to Netty as it is: {@code Buffer.buffer(byte[])} would copy it. */
        private static Buffer wrap(byte[] bytes) {
            return Buffer.newInstance(io.vertx.core.buffer.Buffer.buffer(Unpooled.wrappedBuffer(bytes)));
        }

        private int fill(int wanted) throws IOException {
            int filled = 0;
            while (filled < wanted) {
                int read = reader.read(slice, filled, wanted - filled);
                if (read < 0) {
                    throw new IOException("document ended after " + (offset + filled) + " bytes");
                }
                filled += read;
            }
            return filled;
        }

        private void closeReader() throws IOException {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }

        @Override
        public void close() {
            try {
                closeReader();
            } catch (IOException ignored) {
                // reading is over
            }
        }
    }
}
