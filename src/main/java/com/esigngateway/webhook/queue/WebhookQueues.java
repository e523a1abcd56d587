package com.esigngateway.webhook.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import com.esigngateway.config.StateConfig;

/**
 * The queue follows the one switch, {@code esign.state.store}: in this process ({@link MemoryWebhookQueue}, the
 * default) or in Redis streams shared by every replica ({@link RedisWebhookQueue}).
 */
@ApplicationScoped
class WebhookQueues {

    @Produces
    @ApplicationScoped
    WebhookQueue queue(StateConfig config, Instance<MemoryWebhookQueue> memory, Instance<RedisWebhookQueue> redis) {
        return config.store() == StateConfig.Store.REDIS ? redis.get() : memory.get();
    }
}
