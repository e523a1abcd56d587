package com.esigngateway.session;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.vendor.VendorGateway.SessionQuery;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.SessionCreated;
import com.esigngateway.vendor.model.SessionDetails;
import com.esigngateway.vendor.model.SessionSummaries.Summary;

import io.smallrye.mutiny.Uni;

/**
 * Finds the session that an earlier attempt with the same {@code Idempotency-Key} may have created when no answer came
 * (the outcome is unknown), so that its retry answers with it instead of creating a second one. The vendor has no
 * idempotency of its own; the one way to look a creation up is the request's {@code transactionId}
 * (GetSessionsLiteByTransactionId, the owner's newest 50 sessions with it), narrowed to the request's title. Exactly
 * one match is the session: it is read (GetSession, for the signer ids) and answered as the creation would have been.
 * No {@code transactionId}, no match or several matches: 409 {@code outcome-unknown}, and nothing is created.
 */
@ApplicationScoped
class SessionReconciliation {

    private static final Logger LOG = Logger.getLogger(SessionReconciliation.class);
    static final int PAGE_SIZE = 50;

    private final VendorGateway gateway;

    SessionReconciliation(VendorGateway gateway) {
        this.gateway = gateway;
    }

    Uni<SigningSession> find(CreateSigningSessionRequest request, String requestId, Deadline deadline) {
        if (request.getTransactionId() == null) {
            return Uni.createFrom().failure(unknown("The request has no transactionId, so the gateway cannot look"
                    + " the session up at the vendor. Look for it in the eSign UI; if you are sure none was created,"
                    + " send the request again with a new Idempotency-Key."));
        }
        return gateway.listSessions(new SessionQuery(request.getOwner(), request.getTransactionId(), 0, PAGE_SIZE),
                requestId, deadline).chain(page -> {
                    List<Summary> matches = page.sessions().stream()
                            .filter(summary -> summary.sessionId() != null)
                            .filter(summary -> summary.title() == null || summary.title().equals(request.getTitle()))
                            .toList();
                    if (matches.isEmpty()) {
                        return Uni.createFrom().failure(unknown("The vendor has no session with this request's"
                                + " transactionId and title (yet). Retry later with the same Idempotency-Key: each"
                                + " retry looks again. If you are sure none was created, use a new key."));
                    }
                    if (matches.size() > 1) {
                        return Uni.createFrom().failure(unknown("The vendor has " + matches.size() + " sessions with"
                                + " this request's transactionId and title, so the gateway cannot tell which one the"
                                + " earlier request created. List them (GET /v1/signing-sessions?owner=&transactionId=)"
                                + " to decide; use a new Idempotency-Key for a new session."));
                    }
                    return answer(request, matches.get(0).sessionId(), requestId, deadline);
                });
    }

    private Uni<SigningSession> answer(CreateSigningSessionRequest request, String sessionId, String requestId,
            Deadline deadline) {
        Uni<String> landing = gateway.landingUrl(requestId, deadline).onFailure().recoverWithNull();
        return gateway.getSession(sessionId, requestId, deadline).chain(read -> landing.map(url -> {
            SessionDetails details = read.value();
            Map<String, String> signerIds = new HashMap<>();
            for (SessionDetails.Signer signer : details.signers()) {
                if (signer.email() != null && signer.signerId() != null) {
                    signerIds.putIfAbsent(signer.email().toLowerCase(Locale.ROOT), signer.signerId());
                }
            }
            LOG.infof("Found vendor session %s for an Idempotency-Key whose creation had an unknown outcome", sessionId);
            String continueUrl = url == null ? null
                    : ContinueUrl.build(url, read.token().value(), request.getOwner(), sessionId);
            return CreateSigningSession.answer(request, new SessionCreated(sessionId, signerIds), continueUrl);
        }));
    }

    private static SessionFailure unknown(String what) {
        return new SessionFailure(SessionFailure.Kind.OUTCOME_UNKNOWN, "An earlier request with this Idempotency-Key may"
                + " have created a session at the vendor, but no answer came, so it is not run again. " + what);
    }
}
