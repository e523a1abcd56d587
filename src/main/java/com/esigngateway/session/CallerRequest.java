package com.esigngateway.session;

/**
 * One caller's request to a use case: who is asking, its request id, and what the object-level check learned about
 * the session on the way (its owner, whether the check refused it), for the gateway's audit log.
 */
public final class CallerRequest {

    private final Caller caller;
    private final String requestId;
    private volatile String owner;
    private volatile boolean refused;

    public CallerRequest(Caller caller, String requestId) {
        this.caller = caller;
        this.requestId = requestId;
    }

    public Caller caller() {
        return caller;
    }

    public String requestId() {
        return requestId;
    }

    /** The session's owner as the check saw it; null before the check or when it is known nowhere. */
    public String owner() {
        return owner;
    }

    void owner(String owner) {
        this.owner = owner;
    }

    /** Whether an ownership check refused the request (a {@code 403}, or the {@code 404} of another client's session). */
    public boolean refused() {
        return refused;
    }

    void refuse() {
        this.refused = true;
    }
}
