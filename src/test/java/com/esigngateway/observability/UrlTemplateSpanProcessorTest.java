package com.esigngateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** The receiver's path secret never reaches a server span; other paths are left as they are. */
class UrlTemplateSpanProcessorTest {

    @Test
    void theWebhookPathKeepsOnlyItsTemplate() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(new UrlTemplateSpanProcessor())
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()) {
            var tracer = tracing.get("test");
            tracer.spanBuilder("POST /webhooks/esign/{secret}").setSpanKind(SpanKind.SERVER)
                    .setAttribute(UrlTemplateSpanProcessor.URL_PATH, "/webhooks/esign/the-path-secret-0123456789").startSpan().end();
            tracer.spanBuilder("GET /v1/signing-sessions/{id}").setSpanKind(SpanKind.SERVER)
                    .setAttribute(UrlTemplateSpanProcessor.URL_PATH, "/v1/signing-sessions/abc").startSpan().end();
            assertThat(exported.getFinishedSpanItems()).extracting(span -> span.getAttributes().get(UrlTemplateSpanProcessor.URL_PATH))
                    .containsExactly("/webhooks/esign/{secret}", "/v1/signing-sessions/abc");
        }
    }
}
