package com.esigngateway.vendor.call;

import java.time.Duration;
import java.util.Optional;

/**
 * A vendor call that did not succeed: its {@link VendorFailure kind}, a description fit for callers (no secrets, no
 * stack details: it becomes a problem's {@code detail}) and, where it helps, when a retry may succeed.
 */
public class VendorException extends RuntimeException {

    private final VendorFailure kind;
    private final Duration retryAfter;

    public VendorException(VendorFailure kind, String detail) {
        this(kind, detail, null);
    }

    public VendorException(VendorFailure kind, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public VendorFailure kind() {
        return kind;
    }

    public boolean isOutage() {
        return kind.outage();
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether {@code failure} is a vendor failure of {@code kind}. */
    public static boolean is(Throwable failure, VendorFailure kind) {
        return failure instanceof VendorException vendor && vendor.kind == kind;
    }

    public static boolean isOutage(Throwable failure) {
        return failure instanceof VendorException vendor && vendor.isOutage();
    }
}
