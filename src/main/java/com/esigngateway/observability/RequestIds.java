package com.esigngateway.observability;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id, carried to the vendor, the logs and every problem: the caller's {@code X-Request-Id} when it is
 * sane, a fresh UUID otherwise.
 */
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
}
