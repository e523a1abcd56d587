package com.esigngateway.vendor.model;

import java.util.List;

/** A page of GetSessionsLiteByTransactionId: the sessions on it and, when the vendor says, how many in all. */
public record SessionSummaries(List<Summary> sessions, Integer total) {

    public record Summary(String sessionId, String title, String transactionId, Integer statusCode) {
    }
}
