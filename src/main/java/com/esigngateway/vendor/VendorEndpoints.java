package com.esigngateway.vendor;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.RestResponse;

import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.VendorAnswers.Operation;
import com.esigngateway.vendor.wire.VendorBody;

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
    private final Duration callTimeout;
    private final Duration tokenTimeout;

    VendorEndpoints(VendorRestClient client, VendorAnswers answers, VendorConfig config) {
        this.client = client;
        this.answers = answers;
        this.callTimeout = config.timeout();
        this.tokenTimeout = config.token().timeout();
    }

    public Uni<String> encrypt(String apiKey, String salt, String requestId) {
        return call(client.encrypt(apiKey, salt, requestId), tokenTimeout,
                response -> answers.returnValue(Operation.ENCRYPT, response));
    }

    public Uni<String> getToken(String salt, String encryptedApiKey, String requestId) {
        return call(client.getToken(salt, encryptedApiKey, requestId), tokenTimeout,
                response -> answers.returnValue(Operation.GET_TOKEN, response));
    }

    public Uni<VendorSessionCreated> createSession(String token, VendorBody body, String requestId) {
        return call(Uni.createFrom().deferred(
                () -> client.createSession(token, requestId, body.contentLength(), body.stream())), callTimeout,
                answers::session);
    }

    public Uni<String> landingUrl(String token, String requestId) {
        return call(client.landingUrl(token, requestId), tokenTimeout,
                response -> answers.returnValue(Operation.LANDING_URL, response));
    }

    private static <T> Uni<T> call(Uni<RestResponse<String>> request, Duration timeout,
            Function<RestResponse<String>, T> classify) {
        return request
                .ifNoItem().after(timeout).failWith(() -> VendorException.timeout(timeout))
                .onFailure(failure -> !(failure instanceof VendorException))
                .transform(failure -> VendorAnswers.fromFailure(failure, timeout))
                .map(classify);
    }
}
