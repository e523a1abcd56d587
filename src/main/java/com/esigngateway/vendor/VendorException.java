package com.esigngateway.vendor;

import java.time.Duration;
import java.util.List;

import com.esigngateway.api.problem.ProblemException;
import com.esigngateway.api.problem.ProblemType;

/**
 * A classified vendor answer that is not a success. {@link #isOutage()} tells the circuit breaker
 * whether it says something about the vendor's health (5xx, unreadable answers, timeouts, connection
 * failures) rather than about the request.
 */
public class VendorException extends ProblemException {

    private final boolean outage;

    protected VendorException(ProblemType type, String detail, boolean outage, Duration retryAfter) {
        super(type, detail, List.of(), retryAfter, null);
        this.outage = outage;
    }

    public boolean isOutage() {
        return outage;
    }

    /** The vendor refused the content: an unknown owner, a document it cannot process, a role clash. */
    public static VendorException rejected(String vendorMessage) {
        return new VendorException(ProblemType.VENDOR_REJECTED, vendorMessage, false, null);
    }

    /** The vendor answered with a 5xx or something the gateway cannot read. */
    public static VendorException badAnswer(String detail) {
        return new VendorException(ProblemType.VENDOR_ERROR, detail, true, null);
    }

    /** The vendor answered a 4xx the gateway cannot explain: a gateway or configuration problem, not an outage. */
    public static VendorException unexpectedRefusal(String detail) {
        return new VendorException(ProblemType.VENDOR_ERROR, detail, false, null);
    }

    /** The vendor refused the gateway's own credentials (API key, encrypted key, salt). */
    public static VendorException credentialsRejected(String vendorMessage) {
        return new VendorException(ProblemType.VENDOR_ERROR,
                "The vendor rejected the gateway's credentials (" + vendorMessage + "); check ESIGN_VENDOR_API_KEY, "
                        + "ESIGN_VENDOR_ENCRYPTED_API_KEY and ESIGN_VENDOR_SALT.", false, null);
    }

    /** No connection to the vendor could be made. */
    public static VendorException unreachable(Duration retryAfter) {
        return new VendorException(ProblemType.VENDOR_UNAVAILABLE, "The vendor cannot be reached.", true, retryAfter);
    }

    /** Tokens cannot be had: the vendor's token endpoints are failing or unreachable. */
    public static VendorException tokenServiceDown(Duration retryAfter) {
        return new VendorException(ProblemType.VENDOR_UNAVAILABLE,
                "The vendor's token service is unavailable; no session can be created right now.", true, retryAfter);
    }

    /** The connection broke while the vendor was answering. */
    public static VendorException connectionLost() {
        return new VendorException(ProblemType.VENDOR_ERROR, "The connection to the vendor broke during the call.",
                true, null);
    }

    /** The vendor asked us to slow down (HTTP 429). */
    public static VendorException throttled(Duration retryAfter) {
        return new VendorException(ProblemType.VENDOR_UNAVAILABLE, "The vendor is throttling this gateway.", false,
                retryAfter);
    }

    public static VendorException timeout(Duration limit) {
        return new VendorException(ProblemType.VENDOR_TIMEOUT,
                "The vendor did not answer within " + limit.toMillis() + " ms.", true, null);
    }

    /** A breaker is open; the vendor was not called. */
    public static VendorException circuitOpen(String what, Duration retryAfter) {
        return new VendorException(ProblemType.CIRCUIT_OPEN,
                "Calls to the vendor's " + what + " are paused after repeated failures.", false, retryAfter);
    }
}
