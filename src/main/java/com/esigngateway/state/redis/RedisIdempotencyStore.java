package com.esigngateway.state.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import com.esigngateway.api.model.SigningSession;
import com.esigngateway.config.GatewayConfig;
import com.esigngateway.crypto.Sha256;
import com.esigngateway.session.IdempotencyStore;
import com.esigngateway.session.SessionFailure;
import com.esigngateway.time.TimerDelays;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Idempotency records in Redis, one hash per scoped key ({@code {prefix}:idempotency:<sha-256 of client and key>}):
 * {@code state} ({@code running}, {@code done}, {@code unknown}), the request's fingerprint, the attempt's token, the
 * running attempt's lease and, once done, the answer encrypted ({@link StateCipher}: it holds names, emails and a
 * continue link with a token). Every change is one script, so two replicas can never both start the same key.
 * <p>
 * A running record carries a lease, the request timeout and a margin, measured by Redis's clock: an attempt always
 * ends within its request's deadline, so a record still running after its lease belongs to an instance that stopped
 * mid-call, and counts as unknown (the vendor may have created the session) rather than free. A retry on another
 * replica while the first attempt runs waits for it, reading the record again every 25-250 ms, within its own
 * deadline. Records live the retention from the claim (plus the lease); Redis's memory, with {@code noeviction}, is
 * the bound, so {@code esign.gateway.idempotency.capacity} does not apply. When Redis cannot be reached a keyed
 * request is refused (503 {@code idempotency-store-unavailable}): running it without a record could duplicate it.
 */
@ApplicationScoped
@Typed(RedisIdempotencyStore.class)
public class RedisIdempotencyStore implements IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(RedisIdempotencyStore.class);
    static final Duration LEASE_MARGIN = Duration.ofSeconds(15);
    private static final Duration FIRST_POLL = Duration.ofMillis(25);
    private static final Duration LONGEST_POLL = Duration.ofMillis(250);

    /** Redis's clock in ms, so that replica clocks do not matter. */
    private static final String NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) ";

    // KEYS[1] record; ARGV token, fingerprint, lease ms, retention ms
    static final Script CLAIM = Script.of("idempotency-claim", NOW + """
            local state = redis.call('HGET', KEYS[1], 'state')
            if not state then
              redis.call('HSET', KEYS[1], 'state', 'running', 'fp', ARGV[2], 'token', ARGV[1], 'lease', now + tonumber(ARGV[3]))
              redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + tonumber(ARGV[3]))
              return {'started'}
            end
            local r = redis.call('HMGET', KEYS[1], 'fp', 'token', 'answer', 'lease')
            if state == 'running' and tonumber(r[4] or '0') < now then state = 'unknown' end
            return {state, r[1] or '', r[2] or '', r[3] or ''}
            """);
    // KEYS[1] record: what a waiting retry sees
    static final Script READ = Script.of("idempotency-read", NOW + """
            local state = redis.call('HGET', KEYS[1], 'state')
            if not state then return {'gone', '', '', ''} end
            local r = redis.call('HMGET', KEYS[1], 'fp', 'token', 'answer', 'lease')
            if state == 'running' and tonumber(r[4] or '0') < now then state = 'unknown' end
            return {state, r[1] or '', r[2] or '', r[3] or ''}
            """);
    // KEYS[1] record; ARGV token, sealed answer, retention ms
    static final Script COMPLETE = Script.of("idempotency-complete", """
            local r = redis.call('HMGET', KEYS[1], 'state', 'token')
            if r[1] ~= 'running' or r[2] ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'state', 'done', 'answer', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
            return 1
            """);
    // KEYS[1] record; ARGV token, retention ms
    static final Script UNKNOWN = Script.of("idempotency-unknown", """
            local r = redis.call('HMGET', KEYS[1], 'state', 'token')
            if r[1] ~= 'running' or r[2] ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'state', 'unknown')
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
            return 1
            """);
    // KEYS[1] record; ARGV token
    static final Script ABANDON = Script.of("idempotency-abandon", """
            local r = redis.call('HMGET', KEYS[1], 'state', 'token')
            if r[1] ~= 'running' or r[2] ~= ARGV[1] then return 0 end
            return redis.call('DEL', KEYS[1])
            """);
    // KEYS[1] record; ARGV new token, sealed answer
    static final Script SETTLE = Script.of("idempotency-settle", NOW + """
            local r = redis.call('HMGET', KEYS[1], 'state', 'lease')
            if r[1] == 'unknown' or (r[1] == 'running' and tonumber(r[2] or '0') < now) then
              redis.call('HSET', KEYS[1], 'state', 'done', 'token', ARGV[1], 'answer', ARGV[2])
              return 1
            end
            return 0
            """);

    private final RedisState redis;
    private final ObjectMapper mapper;
    private final Duration retention;
    private final Duration lease;

    RedisIdempotencyStore(RedisState redis, ObjectMapper mapper, GatewayConfig config) {
        this.redis = redis;
        this.mapper = mapper;
        this.retention = config.idempotency().retention();
        this.lease = config.requestTimeout().plus(LEASE_MARGIN);
    }

    @Override
    public Uni<Claim> claim(Attempt attempt) {
        String key = key(attempt);
        return redis.run(CLAIM, List.of(key), List.of(attempt.token().toString(), attempt.fingerprint(),
                millis(lease), millis(retention)))
                .onFailure().transform(failure -> unavailable(failure))
                .map(found -> claimed(key, found, attempt));
    }

    private Claim claimed(String key, Response found, Attempt attempt) {
        String state = found.get(0).toString();
        return switch (state) {
            case "started" -> new Started();
            case "done" -> kept(key, found.get(1).toString(), found.get(2).toString(), found.get(3).toString());
            case "running" -> new Running(found.get(1).toString(), outcome(key, FIRST_POLL));
            default -> new Unknown(found.get(1).toString());
        };
    }

    /** A kept answer; one this gateway cannot decrypt (another key) or read counts as unknown. */
    private Claim kept(String key, String fingerprint, String token, String sealed) {
        try {
            SigningSession answer = mapper.readValue(redis.cipher().decrypt(sealed, key), SigningSession.class);
            return new Kept(fingerprint, UUID.fromString(token), answer);
        } catch (StateCipher.Unreadable | JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("A kept Idempotency-Key answer in Redis cannot be read (another encryption key?); treated as an"
                    + " unknown outcome");
            return new Unknown(fingerprint);
        }
    }

    /** The running attempt's answer, read again and again (with a growing pause) until the record changes. */
    private Uni<Kept> outcome(String key, Duration pause) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(TimerDelays.of(pause))
                .chain(() -> redis.run(READ, List.of(key), List.of()))
                .onFailure().transform(failure -> unavailable(failure))
                .chain(record -> {
                    String state = record.get(0).toString();
                    if ("running".equals(state)) {
                        Duration next = pause.multipliedBy(3).dividedBy(2);
                        return outcome(key, next.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : next);
                    }
                    if ("done".equals(state)) {
                        Claim kept = kept(key, record.get(1).toString(), record.get(2).toString(),
                                record.get(3).toString());
                        if (kept instanceof Kept answer) {
                            return Uni.createFrom().item(answer);
                        }
                    }
                    // gone (the key is free) or unknown: the waiter claims again and learns which
                    return Uni.createFrom().failure(new Abandoned());
                });
    }

    @Override
    public Uni<Void> complete(Attempt attempt, SigningSession answer) {
        String key = key(attempt);
        return Uni.createFrom().item(() -> seal(key, answer))
                .chain(sealed -> redis.run(COMPLETE, List.of(key), List.of(attempt.token().toString(), sealed,
                        millis(retention))))
                .onFailure().invoke(failure -> lost("its answer", failure)).replaceWithVoid();
    }

    @Override
    public Uni<Void> unknown(Attempt attempt) {
        return redis.run(UNKNOWN, List.of(key(attempt)), List.of(attempt.token().toString(), millis(retention)))
                .onFailure().invoke(failure -> lost("that its outcome is unknown", failure)).replaceWithVoid();
    }

    @Override
    public Uni<Void> settle(Attempt attempt, SigningSession answer) {
        String key = key(attempt);
        return Uni.createFrom().item(() -> seal(key, answer))
                .chain(sealed -> redis.run(SETTLE, List.of(key), List.of(UUID.randomUUID().toString(), sealed)))
                .onFailure().invoke(failure -> lost("the session found for it", failure)).replaceWithVoid();
    }

    @Override
    public Uni<Void> abandon(Attempt attempt, Throwable failure) {
        return redis.run(ABANDON, List.of(key(attempt)), List.of(attempt.token().toString()))
                .onFailure().invoke(lost -> lost("that it is free again", lost)).replaceWithVoid();
    }

    private String seal(String key, SigningSession answer) {
        try {
            return redis.cipher().encrypt(mapper.writeValueAsString(answer), key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer cannot be written as JSON", e);
        }
    }

    private void lost(String what, Throwable failure) {
        redis.fellBack("idempotency", failure);
        LOG.warnf("Redis could not record %s for an Idempotency-Key; the record stays running until its lease ends,"
                + " then counts as an unknown outcome", what);
    }

    private SessionFailure unavailable(Throwable failure) {
        if (failure instanceof SessionFailure refused) {
            return refused;
        }
        redis.fellBack("idempotency", failure);
        return new SessionFailure(SessionFailure.Kind.IDEMPOTENCY_STORE_UNAVAILABLE, "The gateway cannot reach the store"
                + " of Idempotency-Key records (Redis), and a request with a key is not run without its record; retry"
                + " later, or without the key.", redis.retryAfter());
    }

    /** The client's name and the key, hashed: neither appears in Redis. */
    private String key(Attempt attempt) {
        return redis.key("idempotency:" + java.util.HexFormat.of().formatHex(Sha256.digest()
                .digest(attempt.key().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    private static String millis(Duration duration) {
        return String.valueOf(Math.max(1, duration.toMillis()));
    }
}
