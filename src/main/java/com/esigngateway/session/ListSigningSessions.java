package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SigningSessionPage;
import com.esigngateway.api.model.SigningSessionSummary;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.VendorGateway.SessionQuery;

import io.smallrye.mutiny.Uni;

/** An owner's sessions with one transaction id, a page at a time (the vendor's pages hold at most 50). */
@ApplicationScoped
public class ListSigningSessions {

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;

    private final SessionAccess access;

    ListSigningSessions(VendorGateway vendor, RequestDeadlines deadlines, SessionAccess access) {
        this.access = access;
        this.vendor = vendor;
        this.deadlines = deadlines;
    }

    /** Only an owner the caller acts for (else {@code OWNER_NOT_ALLOWED}, and the vendor is not asked). */
    public Uni<SigningSessionPage> list(String owner, String transactionId, int page, int limit, CallerRequest request) {
        return Uni.createFrom().deferred(() -> {
            access.owner(owner, "owner", request);
            return list(owner, transactionId, page, limit, request.requestId(), deadlines.start(request.caller()));
        });
    }

    private Uni<SigningSessionPage> list(String owner, String transactionId, int page, int limit, String requestId,
            com.esigngateway.vendor.call.Deadline deadline) {
        return vendor.listSessions(new SessionQuery(owner, transactionId, page, limit), requestId, deadline)
                .map(found -> new SigningSessionPage()
                        .items(found.sessions().stream().map(summary -> new SigningSessionSummary()
                                .id(summary.sessionId())
                                .title(summary.title())
                                .transactionId(summary.transactionId())
                                .status(SessionViews.status(summary.statusCode()))
                                .statusCode(summary.statusCode())).toList())
                        .page(page)
                        .limit(limit)
                        .total(found.total()));
    }
}
