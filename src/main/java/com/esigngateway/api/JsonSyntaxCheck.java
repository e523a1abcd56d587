package com.esigngateway.api;

import java.io.IOException;
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
 */
final class JsonSyntaxCheck {

    static final int KEPT = 256;

    private enum Lexer { OUTSIDE, INSIDE, ESCAPED }

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private byte[] scratch = new byte[0];
    private Lexer lexer = Lexer.OUTSIDE;
    private int stringBytes;
    private int unicodeDigits;
    private boolean cutting;
    /** On the current line of what the parser sees: where bytes were left out, and how many. */
    private final List<long[]> cutsOnLine = new ArrayList<>();
    private long fedColumn;
    private JsonLocation error;

    JsonSyntaxCheck(JsonFactory factory) {
        try {
            this.parser = factory.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Where the JSON broke, or null while it is fine so far. */
    JsonLocation error() {
        return error;
    }

    /** The next bytes of the body; false once the JSON is known to be broken. */
    boolean feed(byte[] bytes) {
        if (error != null) {
            return false;
        }
        if (scratch.length < bytes.length) {
            scratch = new byte[bytes.length];
        }
        int kept = 0;
        for (byte b : bytes) {
            if (pass(b)) {
                scratch[kept++] = b;
            }
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
    boolean end() {
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

    /** Whether this byte of the body is handed to the parser; keeps track of strings on the way. */
    private boolean pass(byte b) {
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
                fedColumn++;
                return true;
            }
            case ESCAPED -> {
                lexer = Lexer.INSIDE;
                unicodeDigits = b == 'u' ? 4 : 0;
                return keep();
            }
            default -> {
                if (b == '"' && unicodeDigits == 0) {
                    lexer = Lexer.OUTSIDE;
                    fedColumn++;
                    return true;
                }
                if (b == '\\') {
                    lexer = Lexer.ESCAPED;
                } else if (unicodeDigits > 0) {
                    unicodeDigits--;
                } else if (!cutting && stringBytes >= KEPT && (b & 0xC0) != 0x80) {
                    cutting = true; // not inside an escape, not inside a multi-byte character
                    cutsOnLine.add(new long[] {fedColumn, 0});
                }
                return keep();
            }
        }
    }

    private boolean keep() {
        if (cutting) {
            cutsOnLine.get(cutsOnLine.size() - 1)[1]++;
            return false;
        }
        stringBytes++;
        fedColumn++;
        return true;
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
