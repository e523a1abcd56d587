package com.esigngateway.api.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;

/** The request id: the caller's {@code X-Request-Id} when it is sane, a fresh UUID otherwise. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Printable, short and free of anything a log line could be forged with. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,200}");

    private RequestIds() {
    }

    public static String accept(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The id of the request these headers belong to; {@link RequestIdFilter} has made sure there is one. */
    public static String of(HttpHeaders headers) {
        return headers == null ? null : headers.getHeaderString(HEADER);
    }
}
