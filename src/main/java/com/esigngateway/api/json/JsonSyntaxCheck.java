package com.esigngateway.api.json;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

/**
 * Checks a body's JSON syntax while it arrives, with Jackson's non-blocking parser, so that a body that breaks
 * early is refused early instead of being received to its end. Jackson's non-blocking parser keeps a whole string
 * value in memory until its closing quote, and a document's base64 {@code content} is up to 140 MB of one
 * string: so the contents of a string beyond its first {@value #KEPT} bytes are not handed to the parser (the
 * full parse that follows checks them). Where the parser stops, the line and column are those of the real body.
 * Own code rather than a library's: no JSON library offers a non-blocking syntax check that skips string contents.
 */
public final class JsonSyntaxCheck {

    static final int KEPT = 256;

    /** Eight bytes of a body at a time, for skipping the contents of a long string. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';

    private enum Lexer { OUTSIDE, INSIDE, ESCAPED }

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private byte[] scratch = new byte[0];
    private int kept;
    private Lexer lexer = Lexer.OUTSIDE;
    private int stringBytes;
    private int unicodeDigits;
    private boolean cutting;
    /** On the current line of what the parser sees: where bytes were left out, and how many. */
    private final List<long[]> cutsOnLine = new ArrayList<>();
    private long fedColumn;
    private JsonLocation error;

    public JsonSyntaxCheck(JsonFactory factory) {
        try {
            this.parser = factory.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Where the JSON broke, or null while it is fine so far. */
    public JsonLocation error() {
        return error;
    }

    /** The next bytes of the body; false once the JSON is known to be broken. */
    public boolean feed(byte[] bytes) {
        if (error != null) {
            return false;
        }
        if (scratch.length < 2 * bytes.length) {
            scratch = new byte[2 * bytes.length];
        }
        kept = 0;
        int i = 0;
        while (i < bytes.length) {
            if (cutting && lexer == Lexer.INSIDE && unicodeDigits == 0) {
                // the bulk of a large body (a document's base64): only a quote or a backslash matters here
                int stop = endOfPlainContent(bytes, i);
                cut(stop - i);
                i = stop;
                if (i == bytes.length) {
                    break;
                }
            }
            lex(bytes[i++]);
        }
        try {
            feeder.feedInput(scratch, 0, kept);
            drain();
        } catch (JsonProcessingException e) {
            error = realLocation(e.getLocation());
        } catch (IOException e) {
            error = JsonLocation.NA;
        }
        return error == null;
    }

    /** The body is complete; only breaks seen so far count (an incomplete body is left to the full parse). */
    public boolean end() {
        if (error == null) {
            try {
                feeder.endOfInput();
                drain();
            } catch (JsonProcessingException e) {
                JsonLocation location = realLocation(e.getLocation());
                // the full parse reports a body that merely ends too early, with its own words
                if (!e.getOriginalMessage().contains("end-of-input")) {
                    error = location;
                }
            } catch (IOException e) {
                // left to the full parse
            }
        }
        try {
            parser.close();
        } catch (IOException ignored) {
            // nothing held
        }
        return error == null;
    }

    private void drain() throws IOException {
        JsonToken token;
        do {
            token = parser.nextToken();
        } while (token != null && token != JsonToken.NOT_AVAILABLE);
    }

    /**
     * Hands this byte of the body to the parser, or not, keeping track of strings on the way. A backslash-u
     * escape goes to the parser as one plain character: Jackson's non-blocking parser (2.x) misreads an escaped
     * surrogate pair in a field name when a chunk ends inside it, and the full parse checks escapes anyway.
     */
    private void lex(byte b) {
        switch (lexer) {
            case OUTSIDE -> {
                if (b == '"') {
                    lexer = Lexer.INSIDE;
                    stringBytes = 0;
                    cutting = false;
                } else if (b == '\n') {
                    cutsOnLine.clear();
                    fedColumn = -1;
                }
                emit(b);
            }
            case ESCAPED -> {
                lexer = Lexer.INSIDE;
                if (b == 'u') {
                    unicodeDigits = 4;
                    if (!cutting) {
                        emit((byte) '_');
                        stringBytes++;
                        cutsOnLine.add(new long[] {fedColumn, 5}); // six bytes of the body, one for the parser
                    } else {
                        cut(2);
                    }
                } else if (!cutting) {
                    emit((byte) '\\');
                    emit(b);
                    stringBytes += 2;
                } else {
                    cut(2);
                }
            }
            default -> {
                if (b == '"' && unicodeDigits == 0) {
                    lexer = Lexer.OUTSIDE;
                    emit(b);
                } else if (b == '\\') {
                    lexer = Lexer.ESCAPED; // emitted with the next byte, once the kind of escape is known
                } else if (unicodeDigits > 0) {
                    unicodeDigits--;
                    if (cutting) {
                        cut(1);
                    }
                } else {
                    if (!cutting && stringBytes >= KEPT && (b & 0xC0) != 0x80) {
                        cutting = true; // not inside an escape, not inside a multi-byte character
                        cutsOnLine.add(new long[] {fedColumn, 0});
                    }
                    if (cutting) {
                        cut(1);
                    } else {
                        emit(b);
                        stringBytes++;
                    }
                }
            }
        }
    }

    /** The index of the first quote or backslash at or after {@code from}, else the length. */
    public static int endOfPlainContent(byte[] bytes, int from) {
        int i = from;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i);
            if (hasZeroByte(word ^ QUOTES) || hasZeroByte(word ^ BACKSLASHES)) {
                break;
            }
        }
        while (i < bytes.length && bytes[i] != '"' && bytes[i] != '\\') {
            i++;
        }
        return i;
    }

    private static boolean hasZeroByte(long word) {
        return ((word - ONES) & ~word & HIGHS) != 0;
    }

    private void emit(byte b) {
        scratch[kept++] = b;
        fedColumn++;
    }

    /** Bytes of the body the parser does not see, at the current cut. */
    private void cut(int bytes) {
        cutsOnLine.get(cutsOnLine.size() - 1)[1] += bytes;
    }

    private JsonLocation realLocation(JsonLocation fed) {
        if (fed == null) {
            return JsonLocation.NA;
        }
        long column = fed.getColumnNr();
        long real = column;
        for (long[] cut : cutsOnLine) {
            if (cut[0] < column) {
                real += cut[1];
            }
        }
        return new JsonLocation(fed.contentReference(), -1, fed.getLineNr(), (int) Math.min(real, Integer.MAX_VALUE));
    }
}
