package com.esigngateway.observability;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Spans around the gateway's own work on the vendor side: one per vendor call and one per token
 * acquisition. Attributes are fixed vocabularies only (operation, outcome, reason): never a URL,
 * header, key or token. The span is current while the work is subscribed, so spans it starts are
 * its children.
 */
@ApplicationScoped
public class VendorSpans {

    public static final String OPERATION = "esign.vendor.operation";
    public static final String OUTCOME = "esign.vendor.outcome";
    public static final String REASON = "esign.token.reason";

    private final Tracer tracer;
    private final boolean enabled;

    /**
     * @param sdkDisabled {@code quarkus.otel.sdk.disabled}: with the SDK off, Quarkus still hands out an SDK tracer
     *        whose spans are sampled and then dropped, so the gateway makes none of its own (they cost an id, a clock
     *        read and a context switch each, for nothing)
     */
    public VendorSpans(Tracer tracer,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        this.tracer = tracer;
        this.enabled = !sdkDisabled;
    }

    /** Runs {@code work} in a span; {@code outcome} names how it ended (null failure = success). */
    public <T> Uni<T> traced(String name, SpanKind kind, String attribute, String value, Supplier<Uni<T>> work,
            java.util.function.Function<Throwable, String> outcome) {
        if (!enabled) {
            return Uni.createFrom().deferred(work::get);
        }
        return Uni.createFrom().emitter(emitter -> {
            Span span = tracer.spanBuilder(name).setSpanKind(kind).setAttribute(attribute, value).startSpan();
            AtomicBoolean ended = new AtomicBoolean();
            Cancellable inner;
            try (Scope ignored = span.makeCurrent()) {
                inner = work.get().subscribe().with(item -> {
                    if (ended.compareAndSet(false, true)) {
                        span.setAttribute(OUTCOME, outcome.apply(null));
                        span.end();
                    }
                    emitter.complete(item);
                }, failure -> {
                    if (ended.compareAndSet(false, true)) {
                        span.setAttribute(OUTCOME, outcome.apply(failure));
                        span.setStatus(StatusCode.ERROR);
                        span.end();
                    }
                    emitter.fail(failure);
                });
            }
            // A caller that goes away cancels the work too (an HTTP request is reset).
            emitter.onTermination(() -> {
                if (ended.compareAndSet(false, true)) {
                    inner.cancel();
                    span.setAttribute(OUTCOME, "cancelled");
                    span.end();
                }
            });
        });
    }
}
