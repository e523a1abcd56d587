package com.esigngateway.state.redis;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import com.esigngateway.vendor.auth.SharedTokens;

import io.smallrye.mutiny.Uni;

/**
 * The shared vendor token in Redis: {@code {prefix}:token} holds it encrypted ({@code v}, AES-GCM, see
 * {@link StateCipher}) with a keyed fingerprint ({@code f}) to compare it by, and expires when it is no longer trusted
 * (Redis's clock decides). {@code …:token:lock} is the refresh lock, {@code …:token:generation} the counter the lock
 * hands out and {@code …:token:written} the generation of the stored token: a write with an older generation is
 * refused (fencing).
 */
@ApplicationScoped
@Typed(RedisTokens.class)
public class RedisTokens implements SharedTokens {

    static final String FEATURE = "token";
    static final String PURPOSE = "vendor-token";

    // KEYS token, lock, written
    static final Script READ = Script.of("token-read", """
            local v = redis.call('HGET', KEYS[1], 'v')
            return {v or '', redis.call('PTTL', KEYS[1]), redis.call('EXISTS', KEYS[2]),
              tonumber(redis.call('GET', KEYS[3]) or '0')}
            """);
    // KEYS lock, generation, token, written; ARGV owner, hold ms, generation of the token to replace (0 for none)
    static final Script LOCK = Script.of("token-lock", """
            local stored = redis.call('EXISTS', KEYS[3]) == 1
            local written = tonumber(redis.call('GET', KEYS[4]) or '0')
            local replacing = tonumber(ARGV[3])
            if (replacing == 0 and stored) or (replacing ~= 0 and (not stored or written ~= replacing)) then return 0 end
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', tonumber(ARGV[2])) then
              return redis.call('INCR', KEYS[2])
            end
            return 0
            """);
    // KEYS token, written, lock; ARGV sealed token, fingerprint, trusted ms, generation, owner
    static final Script WRITE = Script.of("token-write", """
            local stored = 0
            if tonumber(ARGV[4]) > tonumber(redis.call('GET', KEYS[2]) or '0') then
              redis.call('DEL', KEYS[1])
              redis.call('HSET', KEYS[1], 'v', ARGV[1], 'f', ARGV[2])
              redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
              redis.call('SET', KEYS[2], ARGV[4])
              stored = 1
            end
            if redis.call('GET', KEYS[3]) == ARGV[5] then redis.call('DEL', KEYS[3]) end
            return stored
            """);
    // KEYS token; ARGV fingerprint
    static final Script DROP = Script.of("token-drop", """
            if redis.call('HGET', KEYS[1], 'f') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);

    // KEYS lock; ARGV owner
    static final Script RELEASE = Script.of("token-release", """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);

    private final RedisState redis;
    private final String token;
    private final String lock;
    private final String generation;
    private final String written;

    RedisTokens(RedisState redis) {
        this.redis = redis;
        this.token = redis.key("token");
        this.lock = redis.key("token:lock");
        this.generation = redis.key("token:generation");
        this.written = redis.key("token:written");
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public Uni<Stored> read() {
        return redis.run(READ, List.of(token, lock, written), List.of()).map(found -> {
            String sealed = found.get(0).toString();
            long remaining = found.get(1).toLong();
            boolean locked = found.get(2).toLong() > 0;
            long generation = found.get(3).toLong();
            if (sealed.isEmpty() || remaining <= 0) {
                return new Stored(null, Duration.ZERO, locked, 0);
            }
            try {
                return new Stored(redis.cipher().decrypt(sealed, PURPOSE), Duration.ofMillis(remaining), locked, generation);
            } catch (StateCipher.Unreadable e) {
                // stored by a replica with another key: as good as none (a fresh one replaces it)
                return new Stored(null, Duration.ZERO, locked, 0);
            }
        }).onFailure().invoke(this::fellBack);
    }

    @Override
    public Uni<Long> lock(String owner, Duration hold, long replacing) {
        return redis.run(LOCK, List.of(lock, generation, token, written), List.of(owner,
                String.valueOf(Math.max(1, hold.toMillis())), String.valueOf(replacing)))
                .map(won -> won.toLong()).onFailure().invoke(this::fellBack);
    }

    @Override
    public Uni<Boolean> write(String value, Duration trusted, long generation, String owner) {
        return Uni.createFrom().item(() -> List.of(redis.cipher().encrypt(value, PURPOSE), redis.cipher().fingerprint(value),
                String.valueOf(Math.max(1, trusted.toMillis())), String.valueOf(generation), owner))
                .chain(args -> redis.run(WRITE, List.of(token, written, lock), args))
                .map(stored -> stored.toLong() == 1).onFailure().invoke(this::fellBack);
    }

    @Override
    public Uni<Void> drop(String value) {
        return redis.run(DROP, List.of(token), List.of(redis.cipher().fingerprint(value))).replaceWithVoid()
                .onFailure().invoke(this::fellBack);
    }

    @Override
    public Uni<Void> release(String owner) {
        return redis.run(RELEASE, List.of(lock), List.of(owner)).replaceWithVoid().onFailure().invoke(this::fellBack);
    }

    private void fellBack(Throwable failure) {
        redis.fellBack(FEATURE, failure);
    }
}
