package com.esigngateway.vendor.auth;

/** Why the gateway fetched a token: there was none, the one it had reached its TTL, or the vendor refused it. */
public enum TokenAcquisitionReason {
    COLD, EXPIRY, REJECTED;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
