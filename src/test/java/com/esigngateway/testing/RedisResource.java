package com.esigngateway.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A {@link RedisServer} for a {@code @QuarkusTest} or {@code @QuarkusIntegrationTest}
 * ({@code @WithTestResource(RedisResource.class)}), and the gateway switched to it ({@code esign.state.store=redis});
 * stopped with the application. Its init args, if any, are further settings of the application that goes with this
 * Redis (e.g. {@code esign.webhooks.poll-interval}).
 */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    private RedisServer server;
    private Map<String, String> settings = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        settings = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = RedisServer.started();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
        Map<String, String> config = new java.util.HashMap<>(settings);
        config.put("esign.state.store", "redis");
        config.put("quarkus.redis.hosts", server.url());
        return config;
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
