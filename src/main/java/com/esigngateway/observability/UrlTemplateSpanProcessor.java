package com.esigngateway.observability;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Replaces the full URL of every outgoing-call span with its route template
 * ({@code http://host/rest/v1/encrypt/{plainText}/{salt}}): the vendor's EncryptString path carries the
 * API key, which must never reach a trace. A span named {@code METHOD /template} gives its template; the vendor
 * client's spans are named by the method alone, so for them only scheme, host and port are kept. Server spans of
 * the vendor's webhook receiver keep the template of their path, whose last segment is the receiver's secret.
 */
@ApplicationScoped
public class UrlTemplateSpanProcessor implements SpanProcessor {

    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    /** The vendor's webhook path holds the receiver's secret: server spans keep only its template. */
    static final String WEBHOOK_PATH = "/webhooks/esign/";

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (span.getKind() == SpanKind.SERVER) {
            String path = span.getAttribute(URL_PATH);
            if (path != null && path.startsWith(WEBHOOK_PATH)) {
                span.setAttribute(URL_PATH, WEBHOOK_PATH + "{secret}");
            }
            return;
        }
        if (span.getKind() != SpanKind.CLIENT) {
            return;
        }
        String url = span.getAttribute(URL_FULL);
        if (url != null) {
            span.setAttribute(URL_FULL, templated(url, span.getName()));
        }
    }

    static String templated(String url, String spanName) {
        String origin;
        try {
            URI uri = URI.create(url);
            origin = uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "redacted";
        }
        int space = spanName == null ? -1 : spanName.indexOf(' ');
        String template = space < 0 ? "" : spanName.substring(space + 1);
        return template.startsWith("/") ? origin + template : origin;
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
