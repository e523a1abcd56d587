package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SessionStatus;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.call.Deadline;

import io.smallrye.mutiny.Uni;

/**
 * The signed documents of a completed session (GetSessionFiles), within the download time limit. The session is read
 * first, for the ownership check and its state: before completion there is nothing signed, after a purge nothing left.
 */
@ApplicationScoped
public class GetSignedDocuments {

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final SessionAccess access;

    GetSignedDocuments(VendorGateway vendor, RequestDeadlines deadlines, SessionAccess access) {
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.access = access;
    }

    public Uni<SignedDocuments> get(String sessionId, CallerRequest request) {
        Deadline deadline = deadlines.startDownload(request.caller());
        return access.session(sessionId, request, deadline).chain(session -> {
            SessionStatus status = SessionViews.status(session.value().statusCode());
            if (status == SessionStatus.PURGED) {
                return Uni.createFrom().failure(new SessionFailure(SessionFailure.Kind.DOCUMENTS_PURGED,
                        "The session's documents were purged; nothing is left to fetch."));
            }
            if (status != SessionStatus.COMPLETED) {
                return Uni.createFrom().failure(new SessionFailure(SessionFailure.Kind.SESSION_NOT_COMPLETED,
                        "The session is " + (status == null ? "in a state the vendor did not report" : status)
                                + "; its signed documents exist once it is completed."));
            }
            return vendor.sessionFiles(sessionId, request.requestId(), deadline)
                    .map(files -> SignedDocuments.of(sessionId, files));
        });
    }
}
