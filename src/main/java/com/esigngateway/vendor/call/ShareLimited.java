package com.esigngateway.vendor.call;

import java.time.Duration;

import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;

/**
 * A call refused because its client's share of the upstream rate limit is used up
 * ({@code esign.gateway.clients.<name>.rate-limit.*}): a {@link VendorFailure#RATE_LIMITED} that says which share, so
 * that the answer's {@code RateLimit-Policy} and {@code RateLimit} describe it rather than the global limit.
 */
public final class ShareLimited extends VendorException {

    private final int requests;
    private final Duration window;

    ShareLimited(int requests, Duration window, Duration retryAfter) {
        super(VendorFailure.RATE_LIMITED, "More than this client's share of " + requests + " vendor calls per "
                + seconds(window) + " s; retry after the Retry-After delay.", retryAfter);
        this.requests = requests;
        this.window = window;
    }

    public int requests() {
        return requests;
    }

    public Duration window() {
        return window;
    }

    private static long seconds(Duration window) {
        return Math.max(1, (window.toMillis() + 999) / 1000);
    }
}
