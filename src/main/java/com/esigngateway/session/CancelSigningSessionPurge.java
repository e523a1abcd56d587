package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SigningSession;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.call.Deadline;

import io.smallrye.mutiny.Uni;

/**
 * Calls off a purge within the vendor's waiting period (CancelPurgingSession). Whether a purge waits is known only
 * to the vendor: its refusal is the conflict's answer, with its words. The answer is the session read again after.
 */
@ApplicationScoped
public class CancelSigningSessionPurge {

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final SessionAccess access;

    CancelSigningSessionPurge(VendorGateway vendor, RequestDeadlines deadlines, SessionAccess access) {
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.access = access;
    }

    public Uni<SigningSession> cancel(String sessionId, CallerRequest request) {
        Deadline deadline = deadlines.start(request.caller());
        String requestId = request.requestId();
        return access.session(sessionId, request, deadline).chain(before -> {
            PurgeSigningSession.requirePurgeable(before.value(), "spared a purge");
            return vendor.cancelPurging(sessionId, requestId, deadline).chain(cancelled -> {
                if (!cancelled) {
                    return Uni.createFrom().failure(new SessionFailure(SessionFailure.Kind.SESSION_STATE_CONFLICT,
                            "No purge of this session is waiting."));
                }
                return vendor.getSession(sessionId, requestId, deadline).map(after -> SessionViews.of(after.value()));
            });
        });
    }
}
