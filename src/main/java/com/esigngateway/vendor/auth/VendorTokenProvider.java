package com.esigngateway.vendor.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.esigngateway.config.VendorConfig;
import com.esigngateway.observability.VendorSpans;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.call.CallerContext;
import com.esigngateway.vendor.call.VendorEvents;

import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.Uni;

/**
 * Holds the one vendor token every call shares.
 * <ul>
 * <li>Concurrent callers that find no usable token share a single acquisition (single-flight).</li>
 * <li>A token is reused until its TTL minus the refresh skew.</li>
 * <li>A token the vendor refused is dropped once, however many calls saw it refused.</li>
 * <li>A failed acquisition is not kept: the next caller tries again.</li>
 * <li>Acquisition has its own time limit, retries with exponential backoff and jitter, and its own breaker
 * ({@link TokenCalls}).</li>
 * </ul>
 * With {@link SharedTokens} ({@code esign.state.store=redis}) an acquisition first looks at the token every instance
 * shares: one still trusted beyond the refresh skew is used as it is; one within the skew of its end is still used
 * while whoever takes the refresh lock fetches its successor (refresh ahead: the others keep the current one); when
 * there is none, one instance fetches under the lock and the others wait for it (at most the lock's hold, then they
 * fetch their own). When Redis fails the instance fetches and keeps its own token, as in memory mode.
 * <p>
 * Quarkus Cache does not fit this holder: its expiry is per cache, not per entry, and it cannot drop
 * exactly the token that was refused while a newer one is already being fetched. It is used for the
 * encrypted key ({@link EncryptedApiKey}) and the landing URL instead.
 */
@ApplicationScoped
public class VendorTokenProvider {

    private static final Logger LOG = Logger.getLogger(VendorTokenProvider.class);
    private static final Duration TOKEN_RETRY_AFTER = Duration.ofSeconds(5);
    /** While another instance refreshes the shared token, how soon this one looks again. */
    private static final Duration REREAD = Duration.ofSeconds(1);
    private static final Duration LOCK_POLL = Duration.ofMillis(50);

    private sealed interface State permits Empty, Ready, Fetching {
    }

    /** No token; the next acquisition happens for {@code reason}; {@code refused}: the token the vendor refused, if so. */
    private record Empty(TokenAcquisitionReason reason, String refused) implements State {
        Empty(TokenAcquisitionReason reason) {
            this(reason, null);
        }
    }

    private record Ready(VendorToken token) implements State {
    }

    private static final class Fetching implements State {
        private Uni<VendorToken> shared;
    }

    private final AtomicReference<State> state = new AtomicReference<>(new Empty(TokenAcquisitionReason.COLD));
    private final EncryptedApiKey encryptedApiKey;
    private final TokenCalls calls;
    private final VendorCredentials credentials;
    private final Clock clock;
    private final Duration ttl;
    private final Duration skew;
    private final VendorEvents events;
    private final VendorSpans spans;
    private final SharedTokens shared;
    private final Duration lockHold;

    VendorTokenProvider(EncryptedApiKey encryptedApiKey, TokenCalls calls, VendorCredentials credentials,
            VendorConfig config, Clock clock, VendorEvents events, VendorSpans spans, SharedTokens shared) {
        this.spans = spans;
        this.shared = shared;
        this.encryptedApiKey = encryptedApiKey;
        this.calls = calls;
        this.credentials = credentials;
        this.clock = clock;
        VendorConfig.Token token = config.token();
        this.ttl = token.ttl();
        this.skew = token.refreshSkew().compareTo(token.ttl()) < 0 ? token.refreshSkew() : Duration.ZERO;
        this.events = events;
        // what an acquisition may take: EncryptString and GetToken, each with its retries and backoffs
        VendorConfig.Retry retry = token.retry();
        this.lockHold = token.timeout().multipliedBy(2L * (retry.maxRetries() + 1))
                .plus(retry.maxDelay().plus(retry.jitter()).multipliedBy(2L * retry.maxRetries()));
    }

    /** A usable token: the held one, or one fetched now (shared with every concurrent caller). */
    public Uni<VendorToken> token(String requestId) {
        return Uni.createFrom().deferred(() -> current(requestId));
    }

    /** Drops {@code refused} if it is still the held token; a newer token or a running fetch is kept. */
    public void reject(VendorToken refused) {
        State current = state.get();
        if (current instanceof Ready ready && ready.token() == refused
                && state.compareAndSet(current, new Empty(TokenAcquisitionReason.REJECTED, refused.value()))) {
            LOG.info("The vendor refused the current token; a fresh one will be fetched");
        }
        if (shared.active()) {
            shared.drop(refused.value()).subscribe().with(dropped -> {
            }, failure -> LOG.debug("The refused token could not be dropped from Redis"));
        }
    }

    /** The held token, if any, for diagnostics. */
    public Optional<VendorToken> held() {
        return state.get() instanceof Ready ready ? Optional.of(ready.token()) : Optional.empty();
    }

    private Uni<VendorToken> current(String requestId) {
        while (true) {
            State held = state.get();
            if (held instanceof Ready ready && ready.token().usableAt(clock.instant())) {
                return Uni.createFrom().item(ready.token());
            }
            if (held instanceof Fetching fetching) {
                // The shared fetch completes on the context of the request that started it; every other caller resumes
                // on its own request's, or its vendor call, log lines (MDC request id) and spans would run as that one.
                return CallerContext.resume(fetching.shared);
            }
            TokenAcquisitionReason reason = held instanceof Empty empty ? empty.reason() : TokenAcquisitionReason.EXPIRY;
            String refused = held instanceof Empty empty ? empty.refused() : null;
            Fetching fetching = new Fetching();
            fetching.shared = obtain(reason, refused, requestId)
                    .invoke(token -> state.compareAndSet(fetching, new Ready(token)))
                    .onFailure().invoke(failure -> state.compareAndSet(fetching, new Empty(reason, refused)))
                    .memoize().indefinitely();
            if (state.compareAndSet(held, fetching)) {
                return fetching.shared;
            }
        }
    }

    /** A token for this instance: the shared one when there is one (see the class comment), else its own. */
    private Uni<VendorToken> obtain(TokenAcquisitionReason reason, String refused, String requestId) {
        if (!shared.active()) {
            return acquire(reason, requestId);
        }
        return shared.read().onFailure().recoverWithNull().chain(stored -> {
            if (stored == null) {
                return acquire(reason, requestId);
            }
            if (refused != null && refused.equals(stored.token())) {
                // read before the refusal's own drop reached Redis: drop it first, never hand it out again
                return shared.drop(refused).onFailure().recoverWithNull()
                        .chain(() -> fetchShared(reason, requestId, System.nanoTime() + lockHold.toNanos()));
            }
            if (stored.token() == null) {
                return fetchShared(reason, requestId, System.nanoTime() + lockHold.toNanos());
            }
            if (stored.remaining().compareTo(skew) > 0) {
                return Uni.createFrom().item(fromShared(stored.token(), stored.remaining().minus(skew)));
            }
            // due: one instance fetches the next token under the lock; this one goes on with the current one for now
            if (!stored.locked()) {
                refreshAhead(stored.token(), stored.generation(), requestId);
            }
            Duration reread = stored.remaining().compareTo(REREAD) < 0 ? stored.remaining() : REREAD;
            return Uni.createFrom().item(fromShared(stored.token(), reread));
        });
    }

    /** No shared token: fetch one under the lock, or wait for the instance that holds it (then, at worst, our own). */
    private Uni<VendorToken> fetchShared(TokenAcquisitionReason reason, String requestId, long waitUntil) {
        String owner = UUID.randomUUID().toString();
        return shared.lock(owner, lockHold, 0L).onFailure().recoverWithItem(-1L).chain(generation -> {
            if (generation < 0) {
                return acquire(reason, requestId);
            }
            if (generation > 0) {
                return acquire(reason, requestId)
                        .call(token -> shared.write(token.value(), ttl, generation, owner).onFailure().recoverWithNull())
                        // a failed fetch frees the lock at once, so that the others do not wait for it in vain
                        .onFailure().call(failed -> shared.release(owner).onFailure().recoverWithNull());
            }
            if (System.nanoTime() - waitUntil > 0) {
                LOG.info("No shared vendor token came while another instance held the lock; fetching this instance's own");
                return acquire(reason, requestId);
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(LOCK_POLL)
                    .chain(() -> shared.read().onFailure().recoverWithNull())
                    .chain(stored -> {
                        if (stored == null) {
                            return acquire(reason, requestId);
                        }
                        if (stored.token() != null && stored.remaining().compareTo(Duration.ZERO) > 0) {
                            Duration usable = stored.remaining().compareTo(skew) > 0 ? stored.remaining().minus(skew)
                                    : stored.remaining();
                            return Uni.createFrom().item(fromShared(stored.token(), usable));
                        }
                        return fetchShared(reason, requestId, waitUntil);
                    });
        });
    }

    /**
     * Fetches the successor of {@code current} (stored with {@code currentGeneration}) under the lock, in the
     * background; the instance switches to it at once.
     */
    private void refreshAhead(String current, long currentGeneration, String requestId) {
        String owner = UUID.randomUUID().toString();
        shared.lock(owner, lockHold, currentGeneration).chain(generation -> generation <= 0 ? Uni.createFrom().nullItem()
                : acquire(TokenAcquisitionReason.EXPIRY, requestId).call(token -> shared.write(token.value(), ttl,
                        generation, owner)).onFailure().call(failed -> shared.release(owner).onFailure().recoverWithNull()))
                .subscribe().with(fresh -> {
                    State held = state.get();
                    if (fresh != null && held instanceof Ready ready && ready.token().value().equals(current)) {
                        state.compareAndSet(held, new Ready(fresh));
                    }
                }, failure -> LOG.debug("Refreshing the shared vendor token ahead failed; it is fetched when due"));
    }

    private VendorToken fromShared(String value, Duration usable) {
        Instant now = clock.instant();
        return new VendorToken(value, now, now.plus(usable));
    }

    private Uni<VendorToken> acquire(TokenAcquisitionReason reason, String requestId) {
        return spans.traced("vendor token acquisition", SpanKind.INTERNAL, VendorSpans.REASON, reason.tag(), () -> {
            events.tokenAcquisition(reason.tag());
            return guardedGetToken(requestId);
        }, failure -> failure == null ? "success" : "failure").map(value -> {
            Instant now = clock.instant();
            return new VendorToken(value, now, now.plus(ttl).minus(skew));
        });
    }

    /** The encrypted key (cached), then a token; a refused key is forgotten, an outage means the service is down. */
    private Uni<String> guardedGetToken(String requestId) {
        return encryptedApiKey.get(requestId)
                .chain(key -> calls.getToken(credentials.salt(), key, requestId))
                .onFailure(VendorTokenProvider::isCredentialProblem).call(encryptedApiKey::forget)
                .onFailure(VendorException::isOutage).transform(down -> new VendorException(
                        VendorFailure.TOKEN_SERVICE_DOWN,
                        "The vendor's token service is unavailable; no session can be created right now.",
                        TOKEN_RETRY_AFTER));
    }

    private static boolean isCredentialProblem(Throwable failure) {
        return VendorException.is(failure, VendorFailure.CREDENTIALS_REFUSED);
    }
}
