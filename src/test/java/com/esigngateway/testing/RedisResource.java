package com.esigngateway.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A {@link RedisServer} for a {@code @QuarkusTest} or {@code @QuarkusIntegrationTest} (through a test profile), and the
 * gateway switched to it ({@code esign.state.store=redis}); stopped with the application.
 */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    private RedisServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = RedisServer.started();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
        return Map.of("esign.state.store", "redis", "quarkus.redis.hosts", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException("redis-server did not stop", e);
            }
        }
    }
}
