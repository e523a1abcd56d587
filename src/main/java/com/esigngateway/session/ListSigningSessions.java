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

    ListSigningSessions(VendorGateway vendor, RequestDeadlines deadlines) {
        this.vendor = vendor;
        this.deadlines = deadlines;
    }

    public Uni<SigningSessionPage> list(String owner, String transactionId, int page, int limit, String requestId) {
        return vendor.listSessions(new SessionQuery(owner, transactionId, page, limit), requestId, deadlines.start())
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
