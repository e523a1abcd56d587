package com.esigngateway.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.PackagedApp;
import com.esigngateway.testing.RedisServer;
import com.esigngateway.testing.Replicas;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorWireMock;

/**
 * The one switch, against the packaged gateway: {@code ESIGN_STATE_STORE=redis} without a Redis to use, or with a
 * Redis that evicts keys, refuses to start with a message naming what to set; the default (memory) never opens a
 * connection to Redis, even with a Redis configured, and serves keyed requests.
 */
class RedisSettingsIT {

    @Test
    void redisModeWithoutHostsRefusesToStart() throws Exception {
        assertThat(failedStart(Map.of("ESIGN_STATE_STORE", "redis"))).contains("eSign Gateway cannot start")
                .contains("ESIGN_STATE_STORE=redis but QUARKUS_REDIS_HOSTS");
    }

    @Test
    void aRedisThatEvictsKeysIsRefusedAtStartUp() throws Exception {
        try (RedisServer redis = RedisServer.started("--maxmemory-policy", "allkeys-lru")) {
            Map<String, String> settings = new java.util.HashMap<>(redis.gatewaySettings());
            assertThat(failedStart(settings)).contains("eSign Gateway cannot start")
                    .contains("maxmemory-policy is allkeys-lru").contains("noeviction");
        }
    }

    @Test
    void memoryModeNeverConnectsToRedis() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket fakeRedis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!fakeRedis.isClosed()) {
                    try (Socket ignored = fakeRedis.accept()) {
                        connections.incrementAndGet();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (Replicas one = Replicas.start(1, null, Map.of("QUARKUS_REDIS_HOSTS",
                    "redis://127.0.0.1:" + fakeRedis.getLocalPort()))) {
                String key = UUID.randomUUID().toString();
                String body = Contract.json(Contract.exampleRequest());
                one.get(0).conforming().header("Idempotency-Key", key).body(body).post(Requests.PATH).then().statusCode(201);
                one.get(0).conforming().header("Idempotency-Key", key).body(body).post(Requests.PATH).then().statusCode(201)
                        .header("Idempotent-Replayed", "true");
                one.get(0).raw().get("/q/health/well").then().statusCode(200)
                        .body("checks.find { it.name == 'state' }.data.store", org.hamcrest.Matchers.equalTo("memory"));
                // the process's own path (a native executable's, say in a checkout named after Redis) is no mention
                assertThat(one.get(0).output().lines().filter(line -> !line.contains("Installed features"))
                        .map(line -> line.replaceAll("\"processName\":\"[^\"]*\"", "")))
                        .as("log lines about Redis").noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("redis"));
                one.get(0).raw().get("/q/metrics").then().statusCode(200)
                        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("redis_")));
            }
        }
        assertThat(connections).as("connections to the configured Redis").hasValue(0);
    }

    /** Starts the packaged gateway with a vendor and a client plus these settings, expects it to exit, returns its output. */
    private static String failedStart(Map<String, String> settings) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("ESIGN_VENDOR_URL", "http://127.0.0.1:9/",
                "ESIGN_VENDOR_API_KEY", VendorWireMock.API_KEY, "ESIGN_GATEWAY_CLIENTS_TESTS_KEY_SHA256",
                Requests.API_KEY_SHA256, "ESIGN_GATEWAY_CLIENTS_TESTS_OWNERS", "*"));
        environment.putAll(settings);
        try (PackagedApp.Running gateway = PackagedApp.start(environment, "-Dquarkus.http.port=0",
                "-Dquarkus.http.host=127.0.0.1")) {
            assertThat(gateway.process().waitFor(60, TimeUnit.SECONDS)).as("the gateway exits by itself").isTrue();
            assertThat(gateway.process().exitValue()).isNotZero();
            return gateway.output();
        }
    }
}
