package com.esigngateway.session;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.AuditEntry;
import com.esigngateway.api.model.AuditTrail;
import com.esigngateway.vendor.VendorGateway;

import io.smallrye.mutiny.Uni;

/** What happened in a session: the vendor's action log. */
@ApplicationScoped
public class ReadAuditTrail {

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;

    private final SessionAccess access;

    ReadAuditTrail(VendorGateway vendor, RequestDeadlines deadlines, SessionAccess access) {
        this.access = access;
        this.vendor = vendor;
        this.deadlines = deadlines;
    }

    /** The session is read first (GetSession) for the object-level check: its owner must be one the caller acts for. */
    public Uni<AuditTrail> read(String sessionId, CallerRequest request) {
        com.esigngateway.vendor.call.Deadline deadline = deadlines.start(request.caller());
        return access.session(sessionId, request, deadline)
                .chain(session -> vendor.actionLog(sessionId, request.requestId(), deadline)).map(log -> new AuditTrail()
                .sessionId(sessionId)
                .entries(log.entries().stream().map(entry -> new AuditEntry()
                        .at(entry.at() == null ? null : entry.at().atOffset(ZoneOffset.UTC))
                        .ipAddress(entry.ipAddress())
                        .description(entry.description())).toList()));
    }
}
