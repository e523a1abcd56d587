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

    ReadAuditTrail(VendorGateway vendor, RequestDeadlines deadlines) {
        this.vendor = vendor;
        this.deadlines = deadlines;
    }

    public Uni<AuditTrail> read(String sessionId, String requestId) {
        return vendor.actionLog(sessionId, requestId, deadlines.start()).map(log -> new AuditTrail()
                .sessionId(sessionId)
                .entries(log.entries().stream().map(entry -> new AuditEntry()
                        .at(entry.at() == null ? null : entry.at().atOffset(ZoneOffset.UTC))
                        .ipAddress(entry.ipAddress())
                        .description(entry.description())).toList()));
    }
}
