package com.esigngateway.vendor.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import com.esigngateway.config.VendorConfig.FileBytesFormat;
import com.esigngateway.document.DocumentSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Renders document bytes as the JSON value the vendor reads, slice by slice, so that a document is
 * never held in memory a second time in its (about 3.6 times larger) JSON form.
 */
abstract sealed class FileBytesEncoding {

    /** Input bytes per slice: a multiple of 3 (for base64); at most 4 output bytes each keeps a chunk within 64 KiB. */
    static final int INPUT_SLICE = 3 * 5461;

    static FileBytesEncoding of(FileBytesFormat format) {
        return switch (format) {
            case NUMBER_ARRAY -> NumberArray.INSTANCE;
            case BASE64 -> Base64String.INSTANCE;
        };
    }

    /** Exact length in bytes of the JSON value for {@code source}. */
    abstract long length(DocumentSource source);

    /**
     * The JSON text for {@code slice[0, count)}; {@code first} when the slice starts the document (the
     * opening and no leading separator), {@code last} when it ends it (the closing).
     */
    abstract ByteBuf render(byte[] slice, int count, boolean first, boolean last);

    /** {@code [37,80,68,70]}: what .NET's JavaScriptSerializer writes for a byte[]. */
    static final class NumberArray extends FileBytesEncoding {
        static final NumberArray INSTANCE = new NumberArray();
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        /** {@code ",ddd"} for each byte value, packed little-endian into an int, and its length (2 to 4). */
        private static final int[] COMMA_WORD = new int[256];
        private static final byte[] COMMA_LENGTH = new byte[256];

        static {
            for (int v = 0; v < 256; v++) {
                byte[] text = ("," + v).getBytes(StandardCharsets.US_ASCII);
                COMMA_LENGTH[v] = (byte) text.length;
                int word = 0;
                for (int i = text.length - 1; i >= 0; i--) {
                    word = (word << 8) | text[i];
                }
                COMMA_WORD[v] = word;
            }
        }

        @Override
        long length(DocumentSource source) {
            return source.numberArrayLength();
        }

        /**
         * Written into room for the longest text (four bytes per byte) and handed on as the part written, so the bytes
         * are read once (sizing the chunk exactly first took a second pass over them, as long as the render). Each
         * byte stores its whole {@code ",ddd"} word at once and moves on by the word's length, with no
         * data-dependent branch (a branch per digit count mispredicts on document bytes).
         */
        @Override
        ByteBuf render(byte[] slice, int count, boolean first, boolean last) {
            byte[] out = new byte[2 + 4 * count];
            int pos = 0;
            int i = 0;
            if (first) {
                out[pos++] = '[';
                if (count > 0) {
                    int v = slice[0] & 0xFF;
                    pos = put(out, pos, COMMA_WORD[v] >>> 8, COMMA_LENGTH[v] - 1); // no comma before the first
                    i = 1;
                }
            }
            for (; i < count; i++) {
                int v = slice[i] & 0xFF;
                INT.set(out, pos, COMMA_WORD[v]); // within the room: at most 4 bytes per byte
                pos += COMMA_LENGTH[v];
            }
            if (last) {
                out[pos++] = ']';
            }
            return Unpooled.wrappedBuffer(out, 0, pos);
        }

        private static int put(byte[] out, int pos, int word, int length) {
            for (int b = 0; b < length; b++) {
                out[pos++] = (byte) (word >>> (8 * b));
            }
            return pos;
        }
    }

    /** {@code "JVBERi0xLjQK"}. Slices are multiples of 3 bytes, so the chunks concatenate to one base64 text. */
    static final class Base64String extends FileBytesEncoding {
        static final Base64String INSTANCE = new Base64String();

        @Override
        long length(DocumentSource source) {
            return 2 + 4L * ((source.length() + 2) / 3);
        }

        @Override
        ByteBuf render(byte[] slice, int count, boolean first, boolean last) {
            byte[] encoded = Base64.getEncoder().encode(count == slice.length ? slice : Arrays.copyOf(slice, count));
            byte[] out = new byte[encoded.length + (first ? 1 : 0) + (last ? 1 : 0)];
            int pos = 0;
            if (first) {
                out[pos++] = '"';
            }
            System.arraycopy(encoded, 0, out, pos, encoded.length);
            pos += encoded.length;
            if (last) {
                out[pos] = '"';
            }
            return Unpooled.wrappedBuffer(out);
        }
    }
}
