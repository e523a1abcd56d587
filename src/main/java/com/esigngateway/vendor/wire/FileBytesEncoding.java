package com.esigngateway.vendor.wire;

import java.util.Arrays;
import java.util.Base64;

import com.esigngateway.config.VendorConfig.FileBytesFormat;

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
    abstract byte[] render(byte[] slice, int count, boolean first, boolean last);

    /** {@code [37,80,68,70]}: what .NET's JavaScriptSerializer writes for a byte[]. */
    static final class NumberArray extends FileBytesEncoding {
        static final NumberArray INSTANCE = new NumberArray();
        /** Each byte value with a leading comma: {@code ",37"}; the first element skips the comma. */
        private static final byte[][] COMMA_DIGITS = new byte[256][];

        static {
            for (int i = 0; i < 256; i++) {
                COMMA_DIGITS[i] = ("," + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
        }

        @Override
        long length(DocumentSource source) {
            return source.numberArrayLength();
        }

        @Override
        byte[] render(byte[] slice, int count, boolean first, boolean last) {
            byte[] out = new byte[count * 4 + 2];
            int pos = 0;
            int from = 0;
            if (first) {
                out[pos++] = '[';
                if (count > 0) {
                    byte[] digits = COMMA_DIGITS[slice[0] & 0xFF];
                    for (int d = 1; d < digits.length; d++) {
                        out[pos++] = digits[d];
                    }
                    from = 1;
                }
            }
            for (int i = from; i < count; i++) {
                byte[] digits = COMMA_DIGITS[slice[i] & 0xFF];
                out[pos++] = digits[0];
                out[pos++] = digits[1];
                if (digits.length > 2) {
                    out[pos++] = digits[2];
                    if (digits.length > 3) {
                        out[pos++] = digits[3];
                    }
                }
            }
            if (last) {
                out[pos++] = ']';
            }
            return Arrays.copyOf(out, pos);
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
        byte[] render(byte[] slice, int count, boolean first, boolean last) {
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
            return out;
        }
    }
}
