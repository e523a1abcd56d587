package com.esigngateway.vendor;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.esigngateway.config.UpstreamConfig;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.api.problem.ProblemType;
import com.esigngateway.vendor.auth.VendorToken;
import com.esigngateway.vendor.auth.VendorTokenProvider;
import com.esigngateway.vendor.model.VendorCreateSessionRequest;
import com.esigngateway.vendor.wire.VendorBody;
import com.esigngateway.vendor.wire.VendorBodyWriter;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * The guarded way to the vendor (DESIGN §5). A session creation passes, in this order:
 * <ol>
 * <li>the upstream rate limit (429 when exhausted; the vendor is not called),</li>
 * <li>the upload slots (503 when full),</li>
 * <li>the circuit breaker, which counts only vendor outages (5xx, unreadable answers, timeouts,
 * connection failures), never content errors or 4xx,</li>
 * <li>the call with its time limit (504).</li>
 * </ol>
 * A creation that may have reached the vendor is never repeated, except once after the vendor refused
 * the token, which means it did not act on the call.
 */
@ApplicationScoped
public class VendorGateway {

    public static final String BREAKER = "vendor-create-session";
    static final String LANDING_URL_CACHE = "vendor-landing-url";

    /** What the vendor created and the token it was created with (the continue URL carries it). */
    public record Created(VendorSessionCreated session, VendorToken token) {
    }

    private final VendorEndpoints endpoints;
    private final VendorTokenProvider tokens;
    private final VendorBodyWriter bodyWriter;
    private final Cache landingUrls;
    private final VendorConfig vendor;
    private final UpstreamConfig upstream;
    private final TypedGuard<Uni<VendorSessionCreated>> rateLimit;
    private final TypedGuard<Uni<VendorSessionCreated>> breaker;
    private final UploadSlots slots;

    VendorGateway(VendorEndpoints endpoints, VendorTokenProvider tokens, VendorBodyWriter bodyWriter,
            @CacheName(LANDING_URL_CACHE) Cache landingUrls, VendorConfig vendor, UpstreamConfig upstream,
            VendorEvents events, GatewayMetrics metrics) {
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.bodyWriter = bodyWriter;
        this.landingUrls = landingUrls;
        this.vendor = vendor;
        this.upstream = upstream;
        this.rateLimit = TypedGuard.create(new UniOfSession())
                .withDescription("vendor-create-session-rate-limit")
                .withRateLimit()
                .limit(upstream.rateLimit().requests())
                .window(upstream.rateLimit().window().toMillis(), ChronoUnit.MILLIS)
                .type(RateLimitType.ROLLING)
                .done()
                .build();
        UpstreamConfig.CircuitBreaker cb = upstream.circuitBreaker();
        this.breaker = TypedGuard.create(new UniOfSession())
                .withDescription(BREAKER)
                .withCircuitBreaker()
                .name(BREAKER)
                .requestVolumeThreshold(cb.requestVolume())
                .failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(cb.successThreshold())
                .when(failure -> failure instanceof VendorException v && v.isOutage())
                .onStateChange(state -> events.breakerChanged(BREAKER, state))
                .done()
                .build();
        this.slots = new UploadSlots(upstream.maxConcurrent(), upstream.queue(), upstream.queueTimeout(),
                () -> new VendorBusyException(upstream.maxConcurrent()));
        metrics.uploadsInFlight(slots::inFlight);
    }

    public Uni<Created> createSession(VendorCreateSessionRequest request, String requestId) {
        return Uni.createFrom().deferred(() -> attempt(bodyWriter.write(request), requestId, false));
    }

    /** The landing URL the continue link is built on: configured, or fetched once per TTL. */
    public Uni<String> landingUrl(VendorToken token, String requestId) {
        if (vendor.landingUrl().isPresent()) {
            return Uni.createFrom().item(vendor.landingUrl().get());
        }
        return landingUrls.getAsync("landing-url", key -> endpoints.landingUrl(token.value(), requestId));
    }

    private Uni<Created> attempt(VendorBody body, String requestId, boolean retried) {
        return tokens.token(requestId).chain(token -> guardedCreate(token, body, requestId)
                .map(session -> new Created(session, token))
                .onFailure(VendorTokenRejectedException.class).recoverWithUni(rejected -> {
                    tokens.reject(token);
                    return retried ? Uni.createFrom().failure(rejected) : attempt(body, requestId, true);
                }));
    }

    private Uni<VendorSessionCreated> guardedCreate(VendorToken token, VendorBody body, String requestId) {
        return rateLimit.get(() -> slots.run(() -> breaker.get(() -> endpoints.createSession(token.value(), body,
                requestId))))
                .onFailure(RateLimitException.class).transform(e -> new UpstreamRateLimitedException(
                        upstream.rateLimit(), Duration.ofMillis(Math.max(1, ((RateLimitException) e).getRetryAfterMillis()))))
                .onFailure(CircuitBreakerOpenException.class).transform(
                        e -> VendorException.circuitOpen("session service", upstream.circuitBreaker().delay()));
    }

    /** Upload slots in use, for health data. */
    public int uploadsInFlight() {
        return slots.inFlight();
    }

    /** A named type literal, registered so that its generic signature survives in a native image. */
    @RegisterForReflection
    static final class UniOfSession extends TypeLiteral<Uni<VendorSessionCreated>> {
    }

    /** All upload slots are taken. */
    static final class VendorBusyException extends VendorException {
        VendorBusyException(int limit) {
            super(ProblemType.GATEWAY_BUSY, "All " + limit + " upload slots to the vendor are in use; retry shortly.",
                    false, Duration.ofSeconds(1));
        }
    }
}
