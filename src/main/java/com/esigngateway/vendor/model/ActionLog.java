package com.esigngateway.vendor.model;

import java.time.Instant;
import java.util.List;

/** GetSessionActionLogs: what happened in a session, when and from where, as the vendor lists it. */
public record ActionLog(List<Entry> entries) {

    public record Entry(Instant at, String ipAddress, String description) {
    }
}
