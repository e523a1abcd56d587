package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SigningSession;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.call.Deadline;

import io.smallrye.mutiny.Uni;

/** A session's status, documents and signers, as the vendor reports them now. */
@ApplicationScoped
public class ReadSigningSession {

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final SessionAccess access;

    ReadSigningSession(VendorGateway vendor, RequestDeadlines deadlines, SessionAccess access) {
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.access = access;
    }

    /** For a caller: only a session whose owner it acts for (else the answer of an unknown id). */
    public Uni<SigningSession> read(String sessionId, CallerRequest request) {
        return access.session(sessionId, request, deadlines.start(request.caller())).map(answer -> SessionViews.of(answer.value()));
    }

    /** For the gateway's own use (verifying a status event): any session. */
    public Uni<SigningSession> read(String sessionId, String requestId) {
        Deadline deadline = deadlines.start();
        return vendor.getSession(sessionId, requestId, deadline).map(answer -> SessionViews.of(answer.value()));
    }
}
