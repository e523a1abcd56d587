package com.esigngateway.vendor.wire;

import java.util.Base64;

import com.esigngateway.config.VendorConfig.FileBytesFormat;

/**
 * Renders document bytes as the JSON value the vendor reads, in bounded chunks, so that a document is
 * never held in memory a second time in its (about 3.6 times larger) JSON form.
 */
abstract sealed class FileBytesEncoding {

    /** Input bytes rendered per chunk: a multiple of 3 (for base64) with at most 4 output bytes each, so a chunk stays within 64 KiB. */
    static final int INPUT_SLICE = 3 * 5461;

    static FileBytesEncoding of(FileBytesFormat format) {
        return switch (format) {
            case NUMBER_ARRAY -> NumberArray.INSTANCE;
            case BASE64 -> Base64String.INSTANCE;
        };
    }

    /** Exact length in bytes of the JSON value for {@code content}. */
    abstract long length(byte[] content);

    /** The JSON text for {@code content[from, to)}; {@code first}/{@code last} add the opening and closing. */
    abstract byte[] render(byte[] content, int from, int to, boolean first, boolean last);

    /** {@code [37,80,68,70]}: what .NET's JavaScriptSerializer writes for a byte[]. */
    static final class NumberArray extends FileBytesEncoding {
        static final NumberArray INSTANCE = new NumberArray();
        private static final byte[][] DIGITS = new byte[256][];

        static {
            for (int i = 0; i < 256; i++) {
                DIGITS[i] = Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
        }

        @Override
        long length(byte[] content) {
            long digits = 0;
            for (byte b : content) {
                digits += DIGITS[b & 0xFF].length;
            }
            long commas = Math.max(0, content.length - 1);
            return 2 + digits + commas;
        }

        @Override
        byte[] render(byte[] content, int from, int to, boolean first, boolean last) {
            byte[] out = new byte[(to - from) * 4 + 2];
            int pos = 0;
            if (first) {
                out[pos++] = '[';
            }
            for (int i = from; i < to; i++) {
                if (i > 0) {
                    out[pos++] = ',';
                }
                byte[] digits = DIGITS[content[i] & 0xFF];
                System.arraycopy(digits, 0, out, pos, digits.length);
                pos += digits.length;
            }
            if (last) {
                out[pos++] = ']';
            }
            return java.util.Arrays.copyOf(out, pos);
        }
    }

    /** {@code "JVBERi0xLjQK"}. Slices are multiples of 3 bytes, so chunks concatenate to one base64 text. */
    static final class Base64String extends FileBytesEncoding {
        static final Base64String INSTANCE = new Base64String();

        @Override
        long length(byte[] content) {
            return 2 + 4L * ((content.length + 2) / 3);
        }

        @Override
        byte[] render(byte[] content, int from, int to, boolean first, boolean last) {
            byte[] encoded = Base64.getEncoder().encode(java.util.Arrays.copyOfRange(content, from, to));
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
