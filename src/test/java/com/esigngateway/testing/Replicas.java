package com.esigngateway.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Several packaged gateways ({@link PackagedApp}: the jar, or the native executable) side by side, as replicas behind
 * one Service: all talk to one vendor stub (WireMock, counting what it receives) and, when given one, share one
 * {@link RedisServer}. Each listens on its own loopback port; closing stops them all, then the vendor.
 */
public final class Replicas implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final WireMockServer vendor;
    private final List<Gateway> gateways = new ArrayList<>();

    /** One replica, its process and its port. */
    public record Gateway(PackagedApp.Running app, int port) {

        /** A request to this replica, validated against the contract both ways, as the client {@code tests}. */
        public RequestSpecification conforming() {
            return RestAssured.given().baseUri("http://127.0.0.1").port(port).filter(Contract.validation())
                    .contentType(ContentType.JSON).accept(ContentType.JSON).header("X-API-Key", Requests.API_KEY);
        }

        /** A request to this replica, checked by the test only. */
        public RequestSpecification raw() {
            return RestAssured.given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON)
                    .header("X-API-Key", Requests.API_KEY);
        }

        public String output() throws IOException {
            return app.output();
        }
    }

    private Replicas(WireMockServer vendor) {
        this.vendor = vendor;
    }

    /** A vendor stub that answers as a working vendor. */
    public static WireMockServer vendor() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(200)
                .jettyAcceptors(2).asynchronousResponseEnabled(true).asynchronousResponseThreads(16));
        server.start();
        VendorStubs.healthy(server);
        return server;
    }

    /**
     * {@code count} gateways against a fresh vendor stub, sharing {@code redis} when it is not null, each with the
     * test client's key and {@code settings} (environment variables) on top; returns once every one is ready.
     */
    public static Replicas start(int count, RedisServer redis, Map<String, String> settings) throws Exception {
        Replicas replicas = new Replicas(vendor());
        try {
            for (int i = 0; i < count; i++) {
                int port = PackagedApp.freePort();
                Map<String, String> environment = new HashMap<>();
                environment.put("ESIGN_VENDOR_URL", "http://127.0.0.1:" + replicas.vendor.port() + "/");
                environment.put("ESIGN_VENDOR_API_KEY", VendorWireMock.API_KEY);
                environment.put("ESIGN_VENDOR_SALT", VendorWireMock.SALT);
                environment.put("ESIGN_GATEWAY_CLIENTS_TESTS_KEY_SHA256", Requests.API_KEY_SHA256);
                environment.put("ESIGN_GATEWAY_CLIENTS_TESTS_OWNERS", "*");
                environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
                environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
                if (redis != null) {
                    environment.putAll(redis.gatewaySettings());
                }
                environment.putAll(settings);
                replicas.gateways.add(new Gateway(PackagedApp.start(environment), port));
            }
            for (Gateway gateway : replicas.gateways) {
                awaitReady(gateway);
            }
            return replicas;
        } catch (Exception | Error e) {
            replicas.close();
            throw e;
        }
    }

    public WireMockServer vendorStub() {
        return vendor;
    }

    public Gateway get(int index) {
        return gateways.get(index);
    }

    public List<Gateway> all() {
        return gateways;
    }

    private static void awaitReady(Gateway gateway) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        Awaitility.await("replica on port " + gateway.port() + " ready").atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptionsInstanceOf(IOException.class)
                .failFast("the replica exited", () -> !gateway.app().process().isAlive())
                .until(() -> client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** For a class that shares one pair and one Redis among its tests: stops whichever of them started. */
    public static void stop(Replicas replicas, RedisServer redis) throws Exception {
        try {
            if (replicas != null) {
                replicas.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (Gateway gateway : gateways) {
            try {
                // what each replica logged stays in target/ for the reader of a failure
                java.nio.file.Files.copy(gateway.app().outputFile(), java.nio.file.Path.of("target", "replica-"
                        + gateway.port() + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                gateway.app().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        vendor.stop();
        if (first != null) {
            throw first;
        }
    }
}
