package com.esigngateway.vendor.wire;

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

    /** Digits of each byte value 0..255 in decimal: 1, 2 or 3. */
    static int digits(int unsignedByte) {
        return unsignedByte < 10 ? 1 : unsignedByte < 100 ? 2 : 3;
    }

    /** The number-array length for {@code count} bytes whose decimal digits add up to {@code digits}. */
    static long numberArrayLength(long count, long digits) {
        return 2 + digits + Math.max(0, count - 1);
    }
}
