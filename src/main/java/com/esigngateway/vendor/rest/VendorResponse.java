package com.esigngateway.vendor.rest;

import java.util.Map;

import com.esigngateway.document.DocumentContent;

/**
 * A vendor answer as it came: its status, its headers (names in lower case) and its body as text. A download's body
 * is in {@code spooled} (encrypted temporary files beyond the spool threshold); its text is there too when it is
 * small enough to be an error text ({@link VendorHttp#ERROR_TEXT_LIMIT}), and null otherwise.
 */
public record VendorResponse(int status, Map<String, String> headers, String body, DocumentContent spooled) {

    public VendorResponse(int status, Map<String, String> headers, String body) {
        this(status, headers, body, null);
    }

    /** A header by its name, in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Removes a download's temporary file: an answer that is not used. */
    public void release() {
        if (spooled != null) {
            spooled.release();
        }
    }
}
