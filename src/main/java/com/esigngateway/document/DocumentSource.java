package com.esigngateway.document;

import java.io.Closeable;
import java.io.IOException;

/** The bytes of a document, read sequentially as often as needed (a retry sends the body again). */
public interface DocumentSource {

    /** Size in bytes. */
    long length();

    /** Length of the document as a JSON number array, brackets and commas included. */
    long numberArrayLength();

    /** A new reader from the first byte. */
    Reader open() throws IOException;

    interface Reader extends Closeable {
        /** Like {@link java.io.InputStream#read(byte[], int, int)}: -1 at the end. */
        int read(byte[] buffer, int offset, int length) throws IOException;
    }

    /** The decimal digits of {@code count} bytes from {@code offset}, added up: each byte has 1, 2 or 3. */
    static long digits(byte[] bytes, int offset, int count) {
        long digits = 0;
        for (int i = offset; i < offset + count; i++) {
            digits += DecimalDigits.OF[bytes[i] & 0xFF];
        }
        return digits;
    }

    /** The number-array length for {@code count} bytes whose decimal digits add up to {@code digits}. */
    static long numberArrayLength(long count, long digits) {
        return 2 + digits + Math.max(0, count - 1);
    }
}
