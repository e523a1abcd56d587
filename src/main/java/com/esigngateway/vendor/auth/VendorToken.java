package com.esigngateway.vendor.auth;

import java.time.Instant;

/** A vendor token and until when the gateway uses it. Printed without its value. */
public record VendorToken(String value, Instant acquiredAt, Instant refreshAt) {

    /** Whether the token may still be sent at {@code now}; it is refreshed ahead of its TTL. */
    public boolean usableAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "VendorToken[acquiredAt=" + acquiredAt + ", refreshAt=" + refreshAt + "]";
    }
}
