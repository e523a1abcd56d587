package com.esigngateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.smallrye.mutiny.Uni;

/** With the OpenTelemetry SDK switched off (the default) the gateway starts no spans of its own; with it on, one per call. */
class VendorSpansTest {

    private final AtomicInteger started = new AtomicInteger();
    private final Tracer counting = new Tracer() {
        @Override
        public SpanBuilder spanBuilder(String name) {
            started.incrementAndGet();
            return TracerProvider.noop().get("test").spanBuilder(name);
        }
    };

    @Test
    void noSpanWhileTheSdkIsDisabled() {
        String answer = new VendorSpans(counting, true).traced("vendor create_session", SpanKind.CLIENT,
                VendorSpans.OPERATION, "create_session", () -> Uni.createFrom().item("created"), failure -> "success")
                .await().atMost(Duration.ofSeconds(5));

        assertThat(answer).isEqualTo("created");
        assertThat(started).hasValue(0);
    }

    @Test
    void oneSpanPerCallWhileTheSdkIsEnabled() {
        String answer = new VendorSpans(counting, false).traced("vendor create_session", SpanKind.CLIENT,
                VendorSpans.OPERATION, "create_session", () -> Uni.createFrom().item("created"), failure -> "success")
                .await().atMost(Duration.ofSeconds(5));

        assertThat(answer).isEqualTo("created");
        assertThat(started).hasValue(1);
    }
}
