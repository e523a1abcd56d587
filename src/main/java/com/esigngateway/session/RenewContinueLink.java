package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.ContinueLink;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.call.Deadline;

import io.smallrye.mutiny.Uni;

/**
 * A new auto-login link for the session's owner, with the gateway's current vendor token: for a stored or replayed
 * link whose token has expired. The session is read first for its owner (the link names the user it logs in).
 */
@ApplicationScoped
public class RenewContinueLink {

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;

    private final SessionAccess access;

    RenewContinueLink(VendorGateway vendor, RequestDeadlines deadlines, SessionAccess access) {
        this.access = access;
        this.vendor = vendor;
        this.deadlines = deadlines;
    }

    public Uni<ContinueLink> renew(String sessionId, CallerRequest request) {
        Deadline deadline = deadlines.start(request.caller());
        String requestId = request.requestId();
        return access.session(sessionId, request, deadline).chain(session -> {
            String owner = session.value().owner() != null ? session.value().owner() : request.owner();
            if (owner == null) {
                return Uni.createFrom().failure(new VendorException(VendorFailure.BAD_ANSWER,
                        "The vendor's GetSession answer names no owner, so no continue link can be built for it."));
            }
            return vendor.landingUrl(requestId, deadline).map(landing -> new ContinueLink().sessionId(sessionId)
                    .continueUrl(ContinueUrl.build(landing, session.token().value(), owner, sessionId)));
        });
    }
}
