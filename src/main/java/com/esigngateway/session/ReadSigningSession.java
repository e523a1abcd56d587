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

    ReadSigningSession(VendorGateway vendor, RequestDeadlines deadlines) {
        this.vendor = vendor;
        this.deadlines = deadlines;
    }

    public Uni<SigningSession> read(String sessionId, String requestId) {
        Deadline deadline = deadlines.start();
        return vendor.getSession(sessionId, requestId, deadline).map(answer -> SessionViews.of(answer.value()));
    }
}
