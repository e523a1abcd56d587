package com.esigngateway.vendor.answer;

import java.time.Duration;
import java.util.Optional;

/**
 * A vendor call that did not succeed: its {@link VendorFailure kind}, a description fit for callers (no secrets, no
 * stack details: it becomes a problem's {@code detail}) and, where it helps, when a retry may succeed.
 */
public class VendorException extends RuntimeException {

    private final VendorFailure kind;
    private final Duration retryAfter;
    private final boolean sent;
    /** The type of the low-level failure behind it, for the log: its message may hold a URL with a secret in it. */
    private final String underlying;

    public VendorException(VendorFailure kind, String detail) {
        this(kind, detail, null);
    }

    public VendorException(VendorFailure kind, String detail, Duration retryAfter) {
        this(kind, detail, retryAfter, false);
    }

    private VendorException(VendorFailure kind, String detail, Duration retryAfter, boolean sent, String underlying) {
        super(detail, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.sent = sent;
        this.underlying = underlying;
    }

    private VendorException(VendorFailure kind, String detail, Duration retryAfter, boolean sent) {
        this(kind, detail, retryAfter, sent, null);
    }

    /** A failure of the connection itself; only the type of {@code underlying} is kept. */
    public static VendorException connectionLost(Throwable underlying) {
        return new VendorException(VendorFailure.CONNECTION_LOST, "The connection to the vendor broke during the call.",
                null, false, underlying == null ? null : underlying.getClass().getName());
    }

    /** The same failure, of a call whose request had started to go out to the vendor. */
    public VendorException afterSending() {
        return sent ? this : new VendorException(kind, getMessage(), retryAfter, true, underlying);
    }

    /** The type of the low-level failure behind this one, where there was one. */
    public Optional<String> underlying() {
        return Optional.ofNullable(underlying);
    }

    /**
     * Whether the vendor may have acted on the call although no answer says so: the request had gone out and then
     * the time ran out, the connection broke, or the answer was a 5xx or unreadable. For a creation this means the
     * session may exist. Failures before the request left (no token, a full queue, an open breaker, the deadline
     * already over, no connection) and refusals the vendor stated are never unknown.
     */
    public boolean outcomeUnknown() {
        return sent && (kind == VendorFailure.TIMEOUT || kind == VendorFailure.CONNECTION_LOST
                || kind == VendorFailure.BAD_ANSWER);
    }

    /** Whether {@code failure} is a vendor failure whose outcome is unknown ({@link #outcomeUnknown()}). */
    public static boolean outcomeUnknown(Throwable failure) {
        return failure instanceof VendorException vendor && vendor.outcomeUnknown();
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

    public static VendorException emptyResult(String operation, VendorFailure kind) {
        return switch (kind) {
            case TOKEN_REFUSED -> tokenRefused("empty result");
            case CREDENTIALS_REFUSED -> credentialsRefused("no token issued");
            default -> new VendorException(kind, "The vendor's " + operation + " answered an empty result.");
        };
    }

    public static VendorException tokenRefused(String why) {
        return new VendorException(VendorFailure.TOKEN_REFUSED, "The vendor rejected a freshly issued token (" + why + ").");
    }

    public static VendorException credentialsRefused(String vendorMessage) {
        return new VendorException(VendorFailure.CREDENTIALS_REFUSED,
                "The vendor rejected the gateway's credentials (" + vendorMessage + "); check ESIGN_VENDOR_API_KEY, "
                        + "ESIGN_VENDOR_ENCRYPTED_API_KEY and ESIGN_VENDOR_SALT.");
    }
}
