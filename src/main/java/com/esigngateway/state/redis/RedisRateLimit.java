package com.esigngateway.state.redis;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import com.esigngateway.vendor.call.SharedRateLimit;

import io.smallrye.mutiny.Uni;

/**
 * The upstream rate limit's places in Redis, for all replicas at once: one script per vendor attempt takes the next
 * place by the same rule as the in-memory limiter (now, or {@code spacing} after the place {@code limit} back) and
 * answers how long to wait for it, by Redis's clock ({@code TIME}), so that the replicas' clocks do not matter. The key
 * ({@code rate-limit:upstream}, or {@code rate-limit:client:<name>} for a client's share) holds the last
 * {@code limit} places (µs) and expires once they are a window old.
 */
@ApplicationScoped
@Typed(RedisRateLimit.class)
public class RedisRateLimit implements SharedRateLimit {

    // KEYS[1] the places; ARGV limit, spacing µs, max wait µs. Returns the wait in µs, or minus the wait needed.
    static final Script TAKE = Script.of("rate-limit-take", """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local limit = tonumber(ARGV[1])
            local spacing = tonumber(ARGV[2])
            local at = now
            if redis.call('LLEN', KEYS[1]) >= limit then
              at = math.max(now, tonumber(redis.call('LINDEX', KEYS[1], -limit)) + spacing)
            end
            local wait = at - now
            if wait > tonumber(ARGV[3]) then return -math.max(1, wait) end
            redis.call('RPUSH', KEYS[1], string.format('%d', at))
            redis.call('LTRIM', KEYS[1], -limit, -1)
            redis.call('PEXPIRE', KEYS[1], math.ceil((wait + spacing) / 1000))
            return wait
            """);

    static final String FEATURE = "rate_limit";

    private final RedisState redis;

    RedisRateLimit(RedisState redis) {
        this.redis = redis;
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public Uni<Long> take(String name, int limit, Duration spacing, long maxWaitNanos) {
        String key = redis.key("rate-limit:" + name);
        long spacingMicros = Math.max(1, spacing.toNanos() / 1000);
        long maxWaitMicros = Math.max(0, maxWaitNanos / 1000);
        return redis.run(TAKE, List.of(key), List.of(String.valueOf(Math.max(1, limit)), String.valueOf(spacingMicros),
                String.valueOf(maxWaitMicros))).map(wait -> wait.toLong() * 1000)
                .onFailure().invoke(failure -> redis.fellBack(FEATURE, failure));
    }
}
