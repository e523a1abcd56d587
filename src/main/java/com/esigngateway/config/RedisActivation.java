package com.esigngateway.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Ties the Redis client to the one switch: unless {@code esign.state.store=redis}, {@code quarkus.redis.active} is
 * {@code false}, so that in memory mode no Redis client (nor its pool and metrics) is even created, whatever
 * {@code quarkus.redis.*} settings a shared ConfigMap may carry. In redis mode the client's own setting applies.
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 */
public class RedisActivation implements ConfigSourceInterceptor {

    static final String ACTIVE = "quarkus.redis.active";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!ACTIVE.equals(name)) {
            return value;
        }
        ConfigValue store = context.proceed("esign.state.store");
        if (store != null && store.getValue() != null && "redis".equalsIgnoreCase(store.getValue().strip())) {
            return value;
        }
        return ConfigValue.builder().withName(name).withValue("false")
                .withConfigSourceName("esign.state.store (memory)").build();
    }
}
