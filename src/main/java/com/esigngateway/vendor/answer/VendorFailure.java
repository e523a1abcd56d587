package com.esigngateway.vendor.answer;

import java.util.Locale;

/**
 * The ways a vendor call can fail, in the vendor's terms. The API edge turns each into an HTTP problem; here they
 * only say what happened. {@link #outage()} tells the circuit breakers whether a failure says something about the
 * vendor's health (5xx, unreadable answers, timeouts, connection failures) rather than about the request.
 */
public enum VendorFailure {
    /** The vendor refused the content: an unknown owner, a document it cannot process, a role clash. */
    REJECTED(false, "rejected"),
    /** The vendor knows no such thing (a session id it does not have). */
    NOT_FOUND(false, "not_found"),
    /** The thing's state forbids the operation (cancelling a completed session). */
    CONFLICT(false, "rejected"),
    /** The vendor refused the token; a fresh one is fetched and the call repeated once, a second refusal is final. */
    TOKEN_REFUSED(false, "token_rejected"),
    /** The vendor refused the gateway's own credentials (API key, encrypted key, salt). */
    CREDENTIALS_REFUSED(false, "error"),
    /** A 5xx or an answer the gateway cannot read. */
    BAD_ANSWER(true, "error"),
    /** The connection broke while the vendor was answering. */
    CONNECTION_LOST(true, "error"),
    /** A 4xx the gateway cannot explain: a gateway or configuration problem, not an outage. */
    UNEXPECTED_REFUSAL(false, "error"),
    /** No connection to the vendor could be made. */
    UNREACHABLE(true, "unavailable"),
    /** Tokens cannot be had: the vendor's token endpoints are failing or unreachable. */
    TOKEN_SERVICE_DOWN(true, "unavailable"),
    /** The vendor asked the gateway to slow down (HTTP 429). */
    THROTTLED(false, "unavailable"),
    /** The vendor did not answer in time. */
    TIMEOUT(true, "timeout"),
    /** A circuit breaker is open; the vendor was not called. */
    CIRCUIT_OPEN(false, "circuit_open"),
    /** All upload slots are taken; the vendor was not called. */
    BUSY(false, "busy"),
    /** The gateway's own upstream rate limit is reached; the vendor was not called. */
    RATE_LIMITED(false, "rate_limited");

    private final boolean outage;
    private final String tag;

    VendorFailure(boolean outage, String tag) {
        this.outage = outage;
        this.tag = tag;
    }

    public boolean outage() {
        return outage;
    }

    /** The {@code outcome} tag of the vendor-call metric and span. */
    public String tag() {
        return tag;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
