package com.esigngateway.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The vendor, played by WireMock on a dynamic loopback port with a bounded thread pool. Points the
 * gateway at it and injects it into fields annotated {@link InjectVendor}.
 */
public class VendorWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-api-key/with+odd=chars";
    public static final String SALT = "test-salt";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectVendor {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(64)
                .jettyAcceptors(1)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8));
        server.start();
        VendorStubs.healthy(server);
        return Map.of(
                "esign.vendor.url", "http://127.0.0.1:" + server.port() + "/",
                "esign.vendor.api-key", API_KEY,
                "esign.vendor.salt", SALT,
                "esign.gateway.clients.tests.key-sha256", Requests.API_KEY_SHA256,
                "esign.gateway.clients.tests.owners", "*",
                "esign.gateway.clients.tests.roles", "signing-sessions,signing-sessions:purge",
                // a client that may only read sessions
                "esign.gateway.clients.reader.key-sha256", Requests.READER_KEY_SHA256,
                "esign.gateway.clients.reader.roles", "signing-sessions:read",
                "esign.gateway.clients.reader.owners", "*",
                // the packaged application in *IT tests listens on loopback only
                "quarkus.http.host", "127.0.0.1");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectVendor.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
