package com.esigngateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;


/**
 * A vendor stand-in that reads CreateSession bodies as a stream, so that documents of any size can be checked
 * without holding them: each {@code FileBytes} number array is counted and hashed as it arrives. WireMock keeps
 * every body whole, which a 50 MiB document (about 180 MB of number array) makes impractical.
 */
public class StreamingVendor extends LoopbackVendorServer {

    public static final String TOKEN = "STREAMING-TOKEN";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectStreamingVendor {
    }

    /** One document as the vendor received it. */
    public record Document(long bytes, String sha256) {
    }

    /** One CreateSession call: the declared length, the bytes that came, the documents in them. */
    public record Received(long contentLength, long bodyBytes, String authorization, List<Document> documents) {
    }

    /** Leaves the body open when the parser is done, so that the rest can be drained and counted. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private final List<Received> sessions = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    @Override
    protected void routes(HttpServer server) {
        server.createContext("/rest/v1/encrypt/", exchange -> answerJson(exchange, "{\"ReturnValue\":\"ENCRYPTED\"}"));
        server.createContext("/rest/v1/gettoken/", exchange -> answerJson(exchange, "{\"ReturnValue\":\"" + TOKEN + "\"}"));
        server.createContext("/rest/v1/landingurl",
                exchange -> answerJson(exchange, "{\"ReturnValue\":\"https://acme.stage.esignonline.net/auth/AutoLogMeIn.aspx?\"}"));
        server.createContext("/rest/v1/sessions", this::createSession);
    }

    @Override
    protected String apiKey() {
        return "streaming-api-key";
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectStreamingVendor.class,
                StreamingVendor.class));
    }

    /** The CreateSession calls received so far. */
    public List<Received> sessions() {
        return List.copyOf(sessions);
    }

    private void createSession(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try (CountingInput body = new CountingInput(exchange.getRequestBody())) {
            List<Document> documents = readDocuments(body);
            sessions.add(new Received(declared == null ? -1 : Long.parseLong(declared), body.count,
                    exchange.getRequestHeaders().getFirst("Authorization"), documents));
        } catch (IOException | RuntimeException e) {
            failures.add(e.toString());
            throw e;
        }
        answerJson(exchange, "{\"SigningSessionId\":\"" + UUID.randomUUID() + "\"}");
    }

    /** What went wrong reading a body, if anything did. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    private static List<Document> readDocuments(InputStream body) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY && "FileBytes".equals(parser.currentName())) {
                    MessageDigest digest = sha256();
                    long count = 0;
                    while (parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                        digest.update((byte) parser.getIntValue());
                        count++;
                    }
                    documents.add(new Document(count, HexFormat.of().formatHex(digest.digest())));
                }
            }
        }
        return documents;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what is read. */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            // drain whatever the parser did not need, so the exchange can answer
            while (read(new byte[8192], 0, 8192) >= 0) {
                // counted
            }
            super.close();
        }
    }
}
