package com.esigngateway.vendor;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.RestResponse;

import com.esigngateway.config.VendorConfig;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.observability.VendorSpans;
import com.esigngateway.vendor.VendorAnswers.Operation;
import com.esigngateway.vendor.wire.VendorBody;
import com.esigngateway.vendor.rest.VendorRestClient;

import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.mutiny.Uni;

/**
 * One classified call per vendor endpoint, each with its time limit. A call that runs out of time is
 * cancelled (the HTTP request is reset), so nothing keeps running behind the caller's back. No retries
 * and no breakers here: those are {@link VendorGateway}'s and {@code VendorTokenProvider}'s.
 */
@ApplicationScoped
public class VendorEndpoints {

    private final VendorRestClient client;
    private final VendorAnswers answers;
    private final GatewayMetrics metrics;
    private final VendorSpans spans;
    private final Duration callTimeout;
    private final Duration tokenTimeout;

    VendorEndpoints(VendorRestClient client, VendorAnswers answers, VendorConfig config, GatewayMetrics metrics,
            VendorSpans spans) {
        this.spans = spans;
        this.client = client;
        this.answers = answers;
        this.metrics = metrics;
        this.callTimeout = config.timeout();
        this.tokenTimeout = config.token().timeout();
    }

    public Uni<String> encrypt(String apiKey, String salt, String requestId) {
        return call(Operation.ENCRYPT, client.encrypt(apiKey, salt, requestId), tokenTimeout,
                response -> answers.returnValue(Operation.ENCRYPT, response));
    }

    public Uni<String> getToken(String salt, String encryptedApiKey, String requestId) {
        return call(Operation.GET_TOKEN, client.getToken(salt, encryptedApiKey, requestId), tokenTimeout,
                response -> answers.returnValue(Operation.GET_TOKEN, response));
    }

    public Uni<VendorSessionCreated> createSession(String token, VendorBody body, String requestId) {
        return call(Operation.CREATE_SESSION, Uni.createFrom().deferred(
                () -> client.createSession(token, requestId, body.contentLength(), body.stream())), callTimeout,
                answers::session);
    }

    public Uni<String> landingUrl(String token, String requestId) {
        return call(Operation.LANDING_URL, client.landingUrl(token, requestId), tokenTimeout,
                response -> answers.returnValue(Operation.LANDING_URL, response));
    }

    private <T> Uni<T> call(Operation operation, Uni<RestResponse<String>> request, Duration timeout,
            Function<RestResponse<String>, T> classify) {
        return spans.traced("vendor " + operation.vendorName, SpanKind.CLIENT, VendorSpans.OPERATION,
                operation.metricName(), () -> {
                    long started = System.nanoTime();
                    return request
                            .ifNoItem().after(timeout).failWith(() -> VendorException.timeout(timeout))
                            .onFailure(failure -> !(failure instanceof VendorException))
                            .transform(failure -> VendorAnswers.fromFailure(failure, timeout))
                            .map(classify)
                            .onItemOrFailure().invoke((item, failure) -> metrics.vendorCall(operation.metricName(),
                                    outcome(failure), Duration.ofNanos(System.nanoTime() - started)));
                }, VendorEndpoints::outcome);
    }

    /** The classified outcome of a call, as a metric tag. */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof VendorTokenRejectedException) {
            return "token_rejected";
        }
        if (failure instanceof VendorException vendor) {
            return switch (vendor.type()) {
                case VENDOR_REJECTED -> "rejected";
                case VENDOR_UNAVAILABLE -> "unavailable";
                case VENDOR_TIMEOUT -> "timeout";
                default -> "error";
            };
        }
        return "error";
    }
}
