package com.esigngateway.state.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import com.esigngateway.crypto.Sha256;
import com.esigngateway.session.SessionOwners;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The record of session owners in Redis, for every replica: one key per session
 * ({@code {prefix}:session-owner:<sha-256 of the id>}), its value the client and owner as JSON, encrypted
 * ({@link StateCipher}: an owner is an email), expiring with the record ({@code PX}). While Redis cannot be
 * reached nothing is recorded or found, and the owner the vendor reports decides (a session whose answer names none
 * is then visible only to {@code *} clients): the check never opens up for want of Redis.
 */
@ApplicationScoped
@Typed(RedisSessionOwners.class)
public class RedisSessionOwners implements SessionOwners {

    private static final Logger LOG = Logger.getLogger(RedisSessionOwners.class);
    private static final String FEATURE = "session-owners";

    private final RedisState redis;
    private final ObjectMapper mapper;

    private final java.time.Clock clock;

    RedisSessionOwners(RedisState redis, ObjectMapper mapper, java.time.Clock clock) {
        this.clock = clock;
        this.redis = redis;
        this.mapper = mapper;
    }

    @Override
    public Uni<Void> remember(String sessionId, Owned owned, Instant keepUntil) {
        String key = key(sessionId);
        return Uni.createFrom().item(() -> seal(key, owned))
                .chain(sealed -> redis.execute("SET", key, sealed, "PX", String.valueOf(
                        Math.max(1, keepUntil.toEpochMilli() - clock.millis()))))
                .onFailure().invoke(failure -> redis.fellBack(FEATURE, failure))
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<Owned>> find(String sessionId) {
        String key = key(sessionId);
        return redis.execute("GET", key).onFailure().invoke(failure -> redis.fellBack(FEATURE, failure))
                .map(found -> found == null ? Optional.<Owned> empty() : open(key, found.toString()));
    }

    private Optional<Owned> open(String key, String sealed) {
        try {
            return Optional.of(mapper.readValue(redis.cipher().decrypt(sealed, key), Owned.class));
        } catch (StateCipher.Unreadable | JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("A session-owner record in Redis cannot be read (another encryption key?); the vendor's owner"
                    + " decides");
            return Optional.empty();
        }
    }

    private String seal(String key, Owned owned) {
        try {
            return redis.cipher().encrypt(mapper.writeValueAsString(owned), key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the record cannot be written as JSON", e);
        }
    }

    private String key(String sessionId) {
        return redis.key("session-owner:" + HexFormat.of().formatHex(Sha256.digest()
                .digest(sessionId.getBytes(StandardCharsets.UTF_8))));
    }
}
