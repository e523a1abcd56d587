package com.esigngateway.state;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import com.esigngateway.config.StateConfig;
import com.esigngateway.session.IdempotencyStore;
import com.esigngateway.session.SessionOwners;
import com.esigngateway.state.memory.MemoryIdempotencyStore;
import com.esigngateway.state.memory.MemorySessionOwners;
import com.esigngateway.state.memory.MemoryWebhookQueue;
import com.esigngateway.state.redis.RedisIdempotencyStore;
import com.esigngateway.state.redis.RedisRateLimit;
import com.esigngateway.state.redis.RedisSessionOwners;
import com.esigngateway.state.redis.RedisTokens;
import com.esigngateway.state.redis.RedisWebhookQueue;
import com.esigngateway.vendor.auth.SharedTokens;
import com.esigngateway.vendor.call.SharedRateLimit;
import com.esigngateway.webhook.queue.WebhookQueue;

/**
 * The one switch, {@code esign.state.store}: in memory (the default) every instance keeps its own idempotency records, session owners,
 * rate-limit places, token and status-event queues, and no Redis bean is ever created; with {@code redis} they are
 * shared. The ports belong to their users (the use cases and the vendor adapter); their implementations live in
 * {@code state.memory} and {@code state.redis}, and only this class chooses between them.
 */
@ApplicationScoped
class StateStores {

    private final boolean redis;

    StateStores(StateConfig config) {
        this.redis = config.store() == StateConfig.Store.REDIS;
    }

    @Produces
    @ApplicationScoped
    IdempotencyStore idempotencyStore(Instance<MemoryIdempotencyStore> memory, Instance<RedisIdempotencyStore> shared) {
        return redis ? shared.get() : memory.get();
    }

    @Produces
    @ApplicationScoped
    SessionOwners sessionOwners(Instance<MemorySessionOwners> memory, Instance<RedisSessionOwners> shared) {
        return redis ? shared.get() : memory.get();
    }

    @Produces
    @ApplicationScoped
    SharedRateLimit rateLimit(Instance<RedisRateLimit> shared) {
        return redis ? shared.get() : SharedRateLimit.NONE;
    }

    @Produces
    @ApplicationScoped
    SharedTokens tokens(Instance<RedisTokens> shared) {
        return redis ? shared.get() : SharedTokens.NONE;
    }

    @Produces
    @ApplicationScoped
    WebhookQueue webhookQueue(Instance<MemoryWebhookQueue> memory, Instance<RedisWebhookQueue> shared) {
        return redis ? shared.get() : memory.get();
    }
}
