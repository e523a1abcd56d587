package com.esigngateway.document;

/** The decimal digits of each byte value 0..255 (1, 2 or 3), as a table: a branch per byte mispredicts on document bytes. */
final class DecimalDigits {

    static final byte[] OF = new byte[256];

    static {
        for (int v = 0; v < 256; v++) {
            OF[v] = (byte) (v < 10 ? 1 : v < 100 ? 2 : 3);
        }
    }

    private DecimalDigits() {
    }
}
