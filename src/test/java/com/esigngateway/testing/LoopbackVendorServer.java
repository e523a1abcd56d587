package com.esigngateway.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A vendor stand-in on the JDK's HTTP server, on a free loopback port, for what WireMock cannot do (bodies read as
 * streams, answers that misbehave on purpose): the gateway is pointed at it, and it is stopped with the tests.
 */
public abstract class LoopbackVendorServer implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private ExecutorService threads;

    /** The routes of this stand-in. */
    protected abstract void routes(HttpServer server);

    /** The vendor API key the gateway is given (never a real one). */
    protected abstract String apiKey();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        routes(server);
        server.start();
        return Map.of(
                "esign.vendor.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "esign.vendor.api-key", apiKey(),
                "esign.gateway.clients.tests.key-sha256", Requests.API_KEY_SHA256,
                "esign.gateway.clients.tests.owners", "*",
                "esign.gateway.clients.tests.roles", "signing-sessions,signing-sessions:purge",
                "quarkus.http.host", "127.0.0.1");
    }

    /** A JSON answer with status 200 and its exact length. */
    protected static void answerJson(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
