package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.api.model.SessionDocument;
import com.esigngateway.api.model.SessionSigner;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.config.GatewayConfig;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.session.IdempotentRequests.Outcome;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.VendorGateway.Answered;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.SessionCreated;

import io.smallrye.mutiny.Uni;

/** Starts a signing session: validate, map to the vendor's model, create it at the vendor, answer. */
@ApplicationScoped
public class CreateSigningSession {

    private static final Logger LOG = Logger.getLogger(CreateSigningSession.class);

    private final SigningSessionRequestValidator validator;
    private final VendorSessionMapper mapper;
    private final VendorGateway gateway;
    private final IdempotentRequests idempotentRequests;
    private final RequestFingerprint fingerprint;
    private final GatewayMetrics metrics;
    private final RequestDeadlines deadlines;
    private final SessionReconciliation reconciliation;
    private final SessionAccess access;
    private final SessionOwners owners;
    private final Clock clock;
    private final Duration margin;

    /** A session lives at most this long (the contract's limit on {@code expiresAt}). */
    static final Duration MAX_LIFE = Duration.ofDays(90);

    CreateSigningSession(SigningSessionRequestValidator validator, VendorSessionMapper mapper, VendorGateway gateway,
            IdempotentRequests idempotentRequests, RequestFingerprint fingerprint, GatewayMetrics metrics,
            RequestDeadlines deadlines, SessionReconciliation reconciliation, SessionAccess access,
            SessionOwners owners, Clock clock, GatewayConfig config) {
        this.access = access;
        this.owners = owners;
        this.clock = clock;
        this.margin = config.sessionOwners().margin();
        this.reconciliation = reconciliation;
        this.metrics = metrics;
        this.deadlines = deadlines;
        this.validator = validator;
        this.mapper = mapper;
        this.gateway = gateway;
        this.idempotentRequests = idempotentRequests;
        this.fingerprint = fingerprint;
    }

    /**
     * @param caller who is asking; idempotency keys are scoped to its name, and it must act for the request's owner
     *        (else {@code owner-not-allowed}, before the vendor or the idempotency store is asked)
     * @param idempotencyKey may be null
     */
    public Uni<Outcome> create(CreateSigningSessionRequest request, CallerRequest call, String idempotencyKey) {
        Caller caller = call.caller();
        String requestId = call.requestId();
        return Uni.createFrom().deferred(() -> {
            Deadline deadline = deadlines.start(caller);
            validator.validate(request);
            access.owner(request.getOwner(), "owner", call);
            if (idempotencyKey == null) {
                return createAtVendor(request, caller, requestId, deadline).map(session -> new Outcome(session, false));
            }
            return idempotentRequests.run(caller.name(), idempotencyKey, fingerprint.of(request), request, deadline,
                    () -> createAtVendor(request, caller, requestId, deadline),
                    () -> reconciliation.find(request, requestId, deadline)
                            .call(found -> remember(found.getId(), caller, request)));
        });
    }

    /**
     * The creation and the landing URL the continue link is built on, at the same time (the URL is usually cached;
     * on a cold gateway this saves a round trip). The session exists once the creation succeeds, so failing to get
     * the URL must not turn the answer into an error: the link is left out instead.
     */
    private Uni<SigningSession> createAtVendor(CreateSigningSessionRequest request, Caller caller, String requestId,
            Deadline deadline) {
        Uni<Answered<SessionCreated>> created = gateway.createSession(mapper.map(request), requestId, deadline)
                .invoke(session -> {
                    metrics.sessionCreated(caller.name());
                    LOG.infof("Created vendor session %s for client %s", session.value().sessionId(), caller.name());
                })
                .call(session -> remember(session.value().sessionId(), caller, request));
        Uni<LandingUrl> landing = gateway.landingUrl(requestId, deadline).map(url -> new LandingUrl(url, null))
                .onFailure().recoverWithItem(failure -> new LandingUrl(null, failure.getMessage()));
        return Uni.combine().all().unis(created, landing).asTuple()
                .map(both -> answer(request, both.getItem1().value(),
                        continueUrl(both.getItem1(), both.getItem2(), request.getOwner())));
    }

    /**
     * Records who created the session for whom, for its life: its expiry (at most 90 days ahead) plus the margin. The
     * session exists whatever happens here, so a failure is logged, not answered: the vendor's owner then decides.
     */
    Uni<Void> remember(String sessionId, Caller caller, CreateSigningSessionRequest request) {
        if (sessionId == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Instant latest = now.plus(MAX_LIFE);
        Instant expires = request.getExpiresAt() == null ? latest : request.getExpiresAt().toInstant();
        Instant keepUntil = (expires.isAfter(latest) ? latest : expires).plus(margin);
        return owners.remember(sessionId, new SessionOwners.Owned(caller.name(), request.getOwner()), keepUntil)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Session %s was created, but its owner could not be recorded (%s); the vendor's owner"
                            + " decides who may see it", sessionId, failure.getClass().getSimpleName());
                    return null;
                });
    }

    private record LandingUrl(String url, String failure) {
    }

    private static String continueUrl(Answered<SessionCreated> created, LandingUrl landing, String owner) {
        if (landing.url() == null) {
            LOG.warnf("Session %s was created, but the vendor's landing URL could not be fetched (%s); "
                    + "answering without continueUrl", created.value().sessionId(), landing.failure());
            return null;
        }
        return ContinueUrl.build(landing.url(), created.token().value(), owner, created.value().sessionId());
    }

    /** The answer to {@code request}: what it asked for, with the vendor's ids and the continue link. */
    static SigningSession answer(CreateSigningSessionRequest request, SessionCreated created, String continueUrl) {
        return new SigningSession()
                .id(created.sessionId())
                .title(request.getTitle())
                .transactionId(request.getTransactionId())
                .signers(request.getSigners().stream().map(signer -> new SessionSigner()
                        .id(created.signerId(signer.getEmail()).orElse(null))
                        .email(signer.getEmail())
                        .role(signer.getRole())).toList())
                .documents(request.getDocuments().stream()
                        .map(document -> new SessionDocument().fileName(document.getFileName())).toList())
                .expiresAt(request.getExpiresAt())
                .continueUrl(continueUrl);
    }
}
