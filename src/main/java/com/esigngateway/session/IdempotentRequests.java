package com.esigngateway.session;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SigningSession;
import com.esigngateway.api.problem.ProblemException;
import com.esigngateway.api.problem.ProblemType;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;

/**
 * Makes session creation safe to retry with an {@code Idempotency-Key}: the first request with a key
 * runs, its answer is kept for {@code esign.gateway.idempotency.retention}, and later requests with the
 * same key and body get that answer. A request that arrives while the first is still running waits for
 * it. The same key with a different body is refused (422). Failures are not kept, so a request that
 * failed may be retried with the same key.
 * <p>
 * The store is a Quarkus Cache: one computation per key for concurrent callers, expiry after write and
 * a size bound are what this needs. It is in memory, per instance.
 */
@ApplicationScoped
public class IdempotentRequests {

    static final String CACHE = "idempotency";

    /** A kept answer, with the fingerprint of the request that produced it. */
    record Kept(String fingerprint, String requestId, SigningSession session) {
    }

    /** The answer to a request, and whether it was replayed from an earlier request. */
    public record Outcome(SigningSession session, boolean replayed) {
    }

    private final Cache cache;

    IdempotentRequests(@CacheName(CACHE) Cache cache) {
        this.cache = cache;
    }

    Uni<Outcome> run(String scope, String key, String fingerprint, String requestId,
            Supplier<Uni<SigningSession>> action) {
        return cache.<String, Kept> getAsync(scope + "\n" + key,
                ignored -> action.get().map(session -> new Kept(fingerprint, requestId, session)))
                .map(kept -> {
                    if (!kept.fingerprint().equals(fingerprint)) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used for a different request; use a new key for a new request.");
                    }
                    return new Outcome(kept.session(), !kept.requestId().equals(requestId));
                });
    }
}
