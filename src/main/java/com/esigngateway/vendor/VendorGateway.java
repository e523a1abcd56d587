package com.esigngateway.vendor;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.UpstreamConfig;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.auth.VendorToken;
import com.esigngateway.vendor.auth.VendorTokenProvider;
import com.esigngateway.vendor.call.Breaker;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.call.VendorAnswer;
import com.esigngateway.vendor.call.VendorCallPipeline;
import com.esigngateway.vendor.call.VendorException;
import com.esigngateway.vendor.call.VendorFailure;
import com.esigngateway.vendor.call.VendorOperation;
import com.esigngateway.vendor.model.SessionCreated;
import com.esigngateway.vendor.model.VendorCreateSessionRequest;
import com.esigngateway.vendor.rest.VendorRestClient;
import com.esigngateway.vendor.wire.VendorBody;
import com.esigngateway.vendor.wire.VendorBodyWriter;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * The vendor, as the use cases see it: one method per vendor operation, each declared once here (its guards, time
 * limit, retries, request and answer) and run by {@link VendorCallPipeline}. Operations that send the token get it
 * here: the shared token, and after the vendor refused it (which means it did not act on the call) one fresh token
 * and one repeat of the call; a second refusal is final.
 */
// Created at start-up, so that its operations (and their breakers) are declared before the first call.
@Startup
@ApplicationScoped
public class VendorGateway {

    public static final String UPLOADS_BREAKER = "vendor-create-session";
    static final String LANDING_URL_CACHE = "vendor-landing-url";

    /** An answer and the token it was obtained with (a continue link carries it). */
    public record Answered<T>(T value, VendorToken token) {
    }

    private final VendorCallPipeline pipeline;
    private final VendorTokenProvider tokens;
    private final Cache landingUrls;
    private final VendorConfig vendor;
    private final VendorOperation<VendorCreateSessionRequest, SessionCreated> createSession;
    private final VendorOperation<Void, String> landingUrl;

    VendorGateway(VendorCallPipeline pipeline, VendorTokenProvider tokens, VendorRestClient rest,
            VendorBodyWriter bodies, @CacheName(LANDING_URL_CACHE) Cache landingUrls, VendorConfig vendor,
            UpstreamConfig upstream) {
        this.pipeline = pipeline;
        this.tokens = tokens;
        this.landingUrls = landingUrls;
        this.vendor = vendor;
        Breaker uploads = Breaker.of(UPLOADS_BREAKER, "session service", upstream.circuitBreaker());

        // POST rest/v1/sessions: a write that may reach the vendor, so never retried; the body is written anew for
        // each attempt (the documents are rendered only while it is sent).
        this.createSession = pipeline.declare(VendorOperation.<VendorCreateSessionRequest, SessionCreated>named("CreateSession")
                .withToken().timeLimit(vendor.timeout()).breaker(uploads).rateLimited().uploadSlots()
                .request((request, call) -> {
                    VendorBody body = bodies.write(request);
                    return rest.createSession(call.token(), call.requestId(), body.contentLength(), body.stream());
                })
                .answer(SessionCreated::from));
        // GET rest/v1/landingurl: the URL the continue link is built on.
        this.landingUrl = pipeline.declare(VendorOperation.<Void, String>named("GetLandingURL")
                .withToken().timeLimit(vendor.token().timeout())
                .request((none, call) -> rest.landingUrl(call.token(), call.requestId()))
                .vendorErrors(message -> VendorFailure.BAD_ANSWER)
                .answer(VendorAnswer::returnValue));
    }

    public Uni<Answered<SessionCreated>> createSession(VendorCreateSessionRequest request, String requestId,
            Deadline deadline) {
        return call(createSession, request, requestId, deadline);
    }

    /** The landing URL the continue link is built on: configured, or fetched once per TTL. */
    public Uni<String> landingUrl(String requestId, Deadline deadline) {
        if (vendor.landingUrl().isPresent()) {
            return Uni.createFrom().item(vendor.landingUrl().get());
        }
        return landingUrls.getAsync("landing-url",
                key -> call(landingUrl, null, requestId, deadline).map(Answered::value));
    }

    private <A, T> Uni<Answered<T>> call(VendorOperation<A, T> operation, A argument, String requestId,
            Deadline deadline) {
        return Uni.createFrom().deferred(() -> withToken(operation, argument, requestId, deadline, false));
    }

    private <A, T> Uni<Answered<T>> withToken(VendorOperation<A, T> operation, A argument, String requestId,
            Deadline deadline, boolean repeated) {
        return tokens.token(requestId).chain(token -> pipeline.run(operation, argument, token.value(), requestId, deadline)
                .map(value -> new Answered<>(value, token))
                .onFailure(failure -> VendorException.is(failure, VendorFailure.TOKEN_REFUSED)).recoverWithUni(refused -> {
                    tokens.reject(token);
                    return repeated ? Uni.createFrom().failure(refused)
                            : withToken(operation, argument, requestId, deadline, true);
                }));
    }
}
