package com.esigngateway.session;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.api.model.DocumentInput;
import com.esigngateway.api.model.SignerInput;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.session.IdempotencyStore.Abandoned;
import com.esigngateway.session.IdempotencyStore.Attempt;
import com.esigngateway.session.IdempotencyStore.Claim;
import com.esigngateway.session.IdempotencyStore.Full;
import com.esigngateway.session.IdempotencyStore.Kept;
import com.esigngateway.session.IdempotencyStore.Running;
import com.esigngateway.session.IdempotencyStore.Unknown;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.call.CallerContext;
import com.esigngateway.vendor.call.Deadline;

import io.smallrye.mutiny.Uni;

/**
 * Makes session creation safe to retry with an {@code Idempotency-Key}: the first request with a key runs, its
 * answer is kept for {@code esign.gateway.idempotency.retention}, and later requests with the same key and body get
 * that answer. A request that arrives while the first is still running waits for it. The same key with a different
 * body is refused (422). Failures the vendor did not act on are not kept, so such a request may be retried with the
 * same key. A failure after which the vendor may have created the session anyway (a timeout, a broken connection, a
 * 5xx: {@link VendorException#outcomeUnknown()}) is kept as unknown: the key never runs again, its retries are
 * reconciled through the vendor instead (found: its session; not found: 409). When the {@link IdempotencyStore} has no
 * room for a new key, the request is refused (503) rather than run without a record.
 * <p>
 * A replay is told from a first answer by the attempt that produced the record, never by request ids: a retry
 * that reuses its {@code X-Request-Id} is a replay too.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** Memory of a kept record beyond its strings: map entry, record, future, answer objects and their headers. */
    static final long RECORD_OVERHEAD_BYTES = 640;
    /** Each signer and document of an answer: its object and the list slot. */
    static final long ITEM_OVERHEAD_BYTES = 96;
    /** What the vendor adds to an answer: its session and signer ids, and a continue URL of up to this length. */
    static final int VENDOR_ID_CHARS = 40;
    static final int CONTINUE_URL_CHARS = 512;

    /** The answer to a request, and whether it was replayed from an earlier request. */
    public record Outcome(SigningSession session, boolean replayed) {
    }

    private final IdempotencyStore store;
    private final GatewayMetrics metrics;

    IdempotentRequests(IdempotencyStore store, GatewayMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /**
     * @param action creates the session: runs only for the attempt that holds the key
     * @param reconcile finds the session an earlier attempt with an unknown outcome may have created, or fails with
     *        409 {@code outcome-unknown}
     */
    Uni<Outcome> run(String scope, String key, String fingerprint, CreateSigningSessionRequest request,
            Deadline deadline, Supplier<Uni<SigningSession>> action, Supplier<Uni<SigningSession>> reconcile) {
        String scopedKey = scope + "\n" + key;
        Attempt attempt = new Attempt(scopedKey, fingerprint, estimatedBytes(scopedKey, request), UUID.randomUUID());
        return store.claim(attempt).chain(claim -> answer(claim, attempt, deadline, action, reconcile))
                .onFailure(Abandoned.class)
                .recoverWithUni(() -> run(scope, key, fingerprint, request, deadline, action, reconcile));
    }

    private Uni<Outcome> answer(Claim claim, Attempt attempt, Deadline deadline, Supplier<Uni<SigningSession>> action,
            Supplier<Uni<SigningSession>> reconcile) {
        if (claim instanceof Unknown unknown) {
            sameRequest(unknown.fingerprint(), attempt);
            return Uni.createFrom().<SigningSession> deferred(reconcile::get)
                    .onFailure().invoke(failure -> metrics.unknownOutcome("unresolved"))
                    .call(session -> store.settle(attempt, session).onFailure().recoverWithNull())
                    .invoke(session -> metrics.unknownOutcome("reconciled"))
                    .map(session -> new Outcome(session, true));
        }
        if (claim instanceof Kept kept) {
            return Uni.createFrom().item(() -> replay(kept, attempt));
        }
        if (claim instanceof Running running) {
            sameRequest(running.fingerprint(), attempt);
            // the running attempt completes on its own request's context; a waiting caller resumes on its own, and
            // waits no longer than its own deadline
            return CallerContext.resume(deadline.bound(running.outcome(), () -> deadline.exceeded(
                    "while the first request with this Idempotency-Key was still running; retry with the same key"
                            + " for its answer"))).map(kept -> replay(kept, attempt));
        }
        if (claim instanceof Full full) {
            return Uni.createFrom().failure(new SessionFailure(SessionFailure.Kind.IDEMPOTENCY_STORE_FULL,
                    "The gateway has no room to keep another Idempotency-Key answer (esign.gateway.idempotency.capacity);"
                            + " retry later, or without the key.", full.retryAfter()));
        }
        return toTheEnd(Uni.createFrom().<SigningSession> deferred(action::get)
                // the session exists: a store that cannot keep its answer now must not turn it into an error (the
                // record then stays running until its lease ends, and becomes unknown)
                .call(session -> store.complete(attempt, session).onFailure().recoverWithNull())
                .onFailure().call(failure -> ended(attempt, failure)))
                .map(session -> new Outcome(session, false));
    }

    private Uni<Void> ended(Attempt attempt, Throwable failure) {
        if (VendorException.outcomeUnknown(failure)) {
            metrics.unknownOutcome("recorded");
            return store.unknown(attempt).onFailure().recoverWithNull();
        }
        return store.abandon(attempt, failure).onFailure().recoverWithNull();
    }

    /**
     * The first attempt runs to its end even when its caller hangs up (the HTTP layer then cancels): the retry the
     * key is for must find the session this attempt created, not start a second one. It starts on the caller's
     * context; the caller, if still there, gets its answer there.
     */
    private static <T> Uni<T> toTheEnd(Uni<T> attempt) {
        return CallerContext.resume(Uni.createFrom().deferred(() -> {
            CompletableFuture<T> done = new CompletableFuture<>();
            attempt.subscribe().with(done::complete, done::completeExceptionally);
            // a copy: cancelling what the caller waits on must not reach the attempt
            return Uni.createFrom().completionStage(done.thenApply(Function.identity()));
        }));
    }

    private static Outcome replay(Kept kept, Attempt attempt) {
        sameRequest(kept.fingerprint(), attempt);
        return new Outcome(kept.answer(), !kept.token().equals(attempt.token()));
    }

    private static void sameRequest(String fingerprint, Attempt attempt) {
        if (!fingerprint.equals(attempt.fingerprint())) {
            throw new SessionFailure(SessionFailure.Kind.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
    }

    /**
     * An estimate of the memory a record holds once it has its answer: every string at two bytes per character
     * (the key, the fingerprint, what the answer repeats from the request, room for the vendor's ids and the continue
     * URL), plus fixed overheads. About 2.6 KB for the contract's example.
     */
    static long estimatedBytes(String scopedKey, CreateSigningSessionRequest request) {
        long chars = scopedKey.length() + 64 + length(request.getTitle()) + length(request.getTransactionId())
                + VENDOR_ID_CHARS + CONTINUE_URL_CHARS;
        long items = 0;
        for (SignerInput signer : request.getSigners()) {
            chars += length(signer.getEmail()) + length(signer.getRole()) + VENDOR_ID_CHARS;
            items++;
        }
        for (DocumentInput document : request.getDocuments()) {
            chars += length(document.getFileName());
            items++;
        }
        return RECORD_OVERHEAD_BYTES + items * ITEM_OVERHEAD_BYTES + 2 * chars;
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
