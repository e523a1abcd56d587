package com.esigngateway.session;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SessionStatus;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.VendorGateway.Purge;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.SessionDetails;

import io.smallrye.mutiny.Uni;

/**
 * Purges a finished session's documents (PurgeSessionDocs): only a completed, expired or cancelled session, checked
 * on the session as the vendor reports it before anything is sent; the answer is the session read again after it.
 */
@ApplicationScoped
public class PurgeSigningSession {

    /** The states a purge is for (the vendor's own rule); a waiting purge can be called off only in these too. */
    static final Set<SessionStatus> PURGEABLE = EnumSet.of(SessionStatus.COMPLETED, SessionStatus.EXPIRED,
            SessionStatus.CANCELLED);

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final VendorConfig config;
    private final SessionAccess access;

    PurgeSigningSession(VendorGateway vendor, RequestDeadlines deadlines, VendorConfig config, SessionAccess access) {
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.config = config;
        this.access = access;
    }

    public Uni<SigningSession> purge(String sessionId, boolean now, CallerRequest request) {
        Deadline deadline = deadlines.start(request.caller());
        String requestId = request.requestId();
        return access.session(sessionId, request, deadline).chain(before -> {
            requirePurgeable(before.value(), "purged");
            Purge purge = new Purge(sessionId, config.returnUrl().orElse(null), now);
            return vendor.purgeSessionDocs(purge, requestId, deadline).chain(accepted -> {
                if (!accepted) {
                    return Uni.createFrom().failure(new SessionFailure(SessionFailure.Kind.SESSION_STATE_CONFLICT,
                            "The vendor did not accept the purge."));
                }
                return vendor.getSession(sessionId, requestId, deadline).map(after -> SessionViews.of(after.value()));
            });
        });
    }

    /** A conflict unless the session is completed, expired or cancelled: {@code what} it cannot be then. */
    static void requirePurgeable(SessionDetails session, String what) {
        SessionStatus status = SessionViews.status(session.statusCode());
        if (!PURGEABLE.contains(status)) {
            throw new SessionFailure(SessionFailure.Kind.SESSION_STATE_CONFLICT, "The session is "
                    + (status == null ? "in a state the vendor did not report" : status)
                    + "; only a completed, expired or cancelled session can be " + what + ".");
        }
    }
}
