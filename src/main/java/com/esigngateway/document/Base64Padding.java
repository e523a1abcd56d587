package com.esigngateway.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Base64 with padding only at its end. Jackson's decoder takes a padded group in the middle of a string
 * ({@code "AA==AA=="}) and decodes on after it; {@code java.util.Base64} and the contract do not. Jackson's decoder
 * cannot be told (its variants are final), so the raw bytes are watched instead: a byte of data after padding
 * ({@code =}, or its escape {@code \u003d}), white space apart, is a mark. JSON has no {@code =} outside strings, and a
 * mark in any other string (a URL's query) is never looked at. {@link #inside(byte[], int)} checks a string held in
 * memory; {@link Watch} watches a stream as a parser reads it.
 */
public final class Base64Padding {

    private static final String ESCAPED_PADDING = "u003d";

    private Base64Padding() {
    }

    /**
     * Whether the JSON string whose opening quote is at {@code quote} has data after padding.
     */
    public static boolean inside(byte[] bytes, int quote) {
        Scanner scanner = new Scanner();
        boolean[] marked = {false};
        int end = quote + 1;
        while (end < bytes.length && bytes[end] != '"') {
            end += bytes[end] == '\\' ? 2 : 1;
        }
        for (int i = quote + 1; i < Math.min(end, bytes.length) && !marked[0]; i++) {
            scanner.accept(bytes[i], i, at -> marked[0] = true);
        }
        return marked[0];
    }

    /** The state of a scan: after padding, or in an escape that may be escaped padding. */
    private static final class Scanner {
        private boolean afterPadding;
        private int escape; // 0: none; 1..5: that many characters of "\u003d" matched after the backslash
        private long escapeStart;

        interface Marks {
            void mark(long at);
        }

        void accept(byte b, long at, Marks marks) {
            if (escape > 0) {
                if (Character.toLowerCase((char) (b & 0xFF)) == ESCAPED_PADDING.charAt(escape - 1)) {
                    if (++escape > ESCAPED_PADDING.length()) {
                        escape = 0;
                        afterPadding = true;
                    }
                    return;
                }
                escape = 0;
                data(escapeStart, marks);
            }
            if (b == '=') {
                afterPadding = true;
            } else if (b == '\\') {
                escape = 1;
                escapeStart = at;
            } else if (b == '"') {
                afterPadding = false; // a string's end (or start)
            } else if ((b & 0xFF) > ' ') {
                data(at, marks);
            }
        }

        private void data(long at, Marks marks) {
            if (afterPadding) {
                marks.mark(at);
            }
            afterPadding = false;
        }
    }

    /**
     * A stream that remembers where data followed padding, for the parser that reads it: before it decodes a string
     * the deserializer calls {@link #from(long)} with the string's offset, after it {@link #inside(long)} with the
     * offset after its end. Memory stays bounded: marks further behind the stream than a parser reads ahead are
     * dropped (a watched string's first mark is kept apart).
     */
    public static final class Watch extends FilterInputStream {
        /** Far more than any parser reads ahead of the token it returns (Jackson: 8000 bytes). */
        private static final long WINDOW = 64 * 1024;

        private final Scanner scanner = new Scanner();
        private final ArrayDeque<Long> recent = new ArrayDeque<>();
        private final Scanner.Marks marks = this::mark;
        private long position;
        private long from = -1;
        private long first = -1;

        public Watch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                scanner.accept((byte) b, position++, marks);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                scanner.accept(buffer[offset + i], position++, marks);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
            int read = read(buffer, 0, (int) Math.min(buffer.length, n));
            return Math.max(0, read);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void mark(long at) {
            if (from >= 0 && at >= from && first < 0) {
                first = at;
            }
            recent.addLast(at);
            while (!recent.isEmpty() && recent.peekFirst() < at - WINDOW) {
                recent.removeFirst();
            }
        }

        /** A string starting at {@code offset} (its opening quote) is about to be decoded. */
        public void from(long offset) {
            from = offset;
            first = -1;
            for (Long at : recent) {
                if (at >= offset) {
                    first = at;
                    break;
                }
            }
        }

        /** Whether the string being decoded, which ended before {@code end}, had data after padding. */
        public boolean inside(long end) {
            boolean found = first >= 0 && first < end; // a later one was read ahead: it stays in recent
            from = -1;
            first = -1;
            return found;
        }
    }
}
