package com.esigngateway.vendor.rest;

import java.util.Map;

/** A vendor answer as it came: its status, its headers (names in lower case) and its body as text. */
public record VendorResponse(int status, Map<String, String> headers, String body) {

    /** A header by its name, in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
