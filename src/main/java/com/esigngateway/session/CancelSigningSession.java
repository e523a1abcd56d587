package com.esigngateway.session;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SessionStatus;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.VendorGateway.Cancellation;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.SessionDetails;

import io.smallrye.mutiny.Uni;

/**
 * Cancels a session, idempotently from the caller's side: a session that is already cancelled is answered as it is,
 * a session in a final state (completed, expired, deleted, purged, archived) is a conflict. The session is read
 * before and after, so the answer is what the vendor reports, not what the gateway assumes.
 */
@ApplicationScoped
public class CancelSigningSession {

    private static final Set<SessionStatus> FINAL = EnumSet.of(SessionStatus.COMPLETED, SessionStatus.EXPIRED,
            SessionStatus.DELETED, SessionStatus.PURGED, SessionStatus.ARCHIVED);

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final VendorConfig config;

    private final SessionAccess access;

    CancelSigningSession(VendorGateway vendor, RequestDeadlines deadlines, VendorConfig config, SessionAccess access) {
        this.access = access;
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.config = config;
    }

    public Uni<SigningSession> cancel(String sessionId, String returnUrl, CallerRequest request) {
        Deadline deadline = deadlines.start(request.caller());
        String requestId = request.requestId();
        return access.session(sessionId, request, deadline).chain(before -> {
            SessionStatus status = SessionViews.status(before.value().statusCode());
            if (status == SessionStatus.CANCELLED) {
                return Uni.createFrom().item(SessionViews.of(before.value()));
            }
            if (FINAL.contains(status)) {
                return Uni.createFrom().failure(conflict(status));
            }
            String url = returnUrl != null ? returnUrl : config.returnUrl().orElse(null);
            return vendor.cancelSession(new Cancellation(sessionId, url), requestId, deadline)
                    .chain(cancelled -> vendor.getSession(sessionId, requestId, deadline)
                            .map(after -> answer(cancelled, after.value())));
        });
    }

    private static SigningSession answer(boolean cancelled, SessionDetails after) {
        SessionStatus now = SessionViews.status(after.statusCode());
        if (!cancelled && now != SessionStatus.CANCELLED) {
            throw new SessionFailure(SessionFailure.Kind.SESSION_STATE_CONFLICT, "The vendor did not cancel the session"
                    + (now == null ? "." : " (its status is " + now + ")."));
        }
        return SessionViews.of(after);
    }

    private static SessionFailure conflict(SessionStatus status) {
        return new SessionFailure(SessionFailure.Kind.SESSION_STATE_CONFLICT, "The session is " + status
                + "; only a draft, sent or paused session can be cancelled.");
    }
}
