package com.esigngateway.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A vendor stand-in whose GetSessionFiles answers are generated as they are written, so that a 50 MiB document (about
 * 180 MB as a number array) costs this server no memory: as a number array or base64, cut short, or without an end.
 * The session is always completed; the document's bytes come from a seeded {@link Random}, so {@link #sha256(long)}
 * knows them. Bounded: it stops writing when the gateway hangs up, or after {@link #MAX_BYTES}.
 */
public class FilesVendor extends LoopbackVendorServer {

    public static final String TOKEN = "FILES-TOKEN";
    static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    private static final int BLOCK = 48 * 1024; // a multiple of 3: base64 blocks join without padding

    /** What GetSessionFiles answers. */
    public enum Mode {
        NUMBER_ARRAY, BASE64,
        /** A {@code Content-Length} that the bytes never reach: the connection closes half way. */
        CUT_SHORT,
        /** A chunked number array that never ends. */
        ENDLESS,
        /** HTTP 500, every time. */
        SERVER_ERROR
    }

    private volatile Mode mode = Mode.NUMBER_ARRAY;
    private volatile long size;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong fileCalls = new AtomicLong();

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/", this::answer);
    }

    @Override
    protected String apiKey() {
        return "files-api-key";
    }

    /** From now on GetSessionFiles answers with {@code mode}, with a document of {@code size} bytes. */
    public void answer(Mode mode, long size) {
        this.mode = mode;
        this.size = size;
        written.set(0);
        fileCalls.set(0);
    }

    /** Bytes of the last GetSessionFiles answers written before they ended or the gateway hung up. */
    public long written() {
        return written.get();
    }

    public long fileCalls() {
        return fileCalls.get();
    }

    /** The SHA-256 of the generated document of {@code size} bytes, hex. */
    public static String sha256(long size) {
        MessageDigest digest = StreamingVendor.sha256();
        Random random = new Random(size);
        byte[] block = new byte[BLOCK];
        for (long left = size; left > 0; left -= BLOCK) {
            random.nextBytes(block);
            digest.update(block, 0, (int) Math.min(BLOCK, left));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (path.endsWith("/files")) {
            fileCalls.incrementAndGet();
            files(exchange);
            return;
        }
        String json;
        if (path.startsWith("/rest/v1/sessions/")) {
            String id = path.substring("/rest/v1/sessions/".length());
            json = "{\"SigningSessionId\":\"" + id + "\",\"Sessions\":[{\"SigningSessionId\":\"" + id + "\","
                    + "\"UserName\":\"agent@example.com\",\"SessionInfo\":{\"Title\":\"Large\",\"StatusCode\":3},"
                    + "\"Documents\":[{\"FileName\":\"large.pdf\"}],\"Signers\":[]}]}";
        } else if (path.startsWith("/rest/v1/gettoken/")) {
            json = "{\"ReturnValue\":\"" + TOKEN + "\"}";
        } else {
            json = "{\"ReturnValue\":\"ENCRYPTED\"}";
        }
        answerJson(exchange, json);
    }

    private void files(HttpExchange exchange) throws IOException {
        if (mode == Mode.SERVER_ERROR) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, mode == Mode.CUT_SHORT ? 100L * 1024 * 1024 : 0);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "{\"Documents\":[{\"FileName\":\"large.pdf\",\"FileBytes\":" + (mode == Mode.BASE64 ? "\"" : "["));
            Random random = new Random(size);
            byte[] block = new byte[BLOCK];
            boolean first = true;
            for (long left = mode == Mode.ENDLESS ? Long.MAX_VALUE : size; left > 0 && written.get() < MAX_BYTES;
                    left -= BLOCK) {
                if (mode == Mode.CUT_SHORT && written.get() > 1024 * 1024) {
                    // far short of the Content-Length: the server closes the connection on a handler's exception
                    throw new IllegalStateException("cut short on purpose");
                }
                random.nextBytes(block);
                int count = (int) Math.min(BLOCK, left);
                if (mode == Mode.BASE64) {
                    write(out, Base64.getEncoder().encodeToString(count == BLOCK ? block : java.util.Arrays.copyOf(block, count)));
                } else {
                    StringBuilder numbers = new StringBuilder(count * 4);
                    for (int i = 0; i < count; i++) {
                        numbers.append(first ? "" : ",").append(block[i] & 0xFF);
                        first = false;
                    }
                    write(out, numbers.toString());
                }
            }
            write(out, (mode == Mode.BASE64 ? "\"" : "]") + "}]}");
        } catch (IOException hungUp) {
            // the gateway reset the connection: expected for the endless answer
        }
    }

    private void write(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes);
        written.addAndGet(bytes.length);
    }
}
