package com.esigngateway.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;


/**
 * A vendor stand-in that answers one endpoint badly on purpose: a body far larger than any answer should be, or
 * one that never ends. Every other endpoint answers as a working vendor. Bounded: it stops writing when the gateway
 * hangs up, or after {@link #MAX_BYTES}, whichever comes first.
 */
public class HostileVendor extends LoopbackVendorServer {

    /** What the hostile endpoint does. */
    public enum Mode {
        /** A {@code Content-Length} of 1 GiB, and the bytes to go with it. */
        HUGE,
        /** A chunked answer that goes on and on. */
        ENDLESS
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectHostileVendor {
    }

    static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;

    private volatile String hostilePath = "/rest/v1/sessions";
    private volatile Mode mode = Mode.HUGE;
    private final AtomicLong written = new AtomicLong();

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/", this::answer);
    }

    @Override
    protected String apiKey() {
        return "hostile-api-key";
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectHostileVendor.class,
                HostileVendor.class));
    }

    /** From now on, requests whose path starts with {@code path} get the {@code mode} answer. */
    public void hostile(String path, Mode mode) {
        this.hostilePath = path;
        this.mode = mode;
        written.set(0);
    }

    /** Bytes the hostile answers wrote before the gateway hung up. */
    public long written() {
        return written.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (path.startsWith(hostilePath)) {
            flood(exchange);
            return;
        }
        String json;
        if (path.startsWith("/rest/v1/sessions")) {
            json = "{\"SigningSessionId\":\"6f1d2c3b-8a4e-4f5a-9b6c-7d8e9f0a1b2c\"}";
        } else if (path.startsWith("/rest/v1/landingurl")) {
            json = "{\"ReturnValue\":\"https://acme.stage.esignonline.net/auth/AutoLogMeIn.aspx?\"}";
        } else {
            json = "{\"ReturnValue\":\"HOSTILE-VALUE\"}";
        }
        answerJson(exchange, json);
    }

    private void flood(HttpExchange exchange) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        chunk[0] = '"';
        exchange.sendResponseHeaders(200, mode == Mode.HUGE ? 1024L * 1024 * 1024 : 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (written.get() < MAX_BYTES) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        } catch (IOException hungUp) {
            // the gateway reset the connection: that is the point
        }
    }
}
