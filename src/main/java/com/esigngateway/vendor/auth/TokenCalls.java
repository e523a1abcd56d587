package com.esigngateway.vendor.auth;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.answer.VendorAnswer;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.call.Breaker;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.call.RetrySettings;
import com.esigngateway.vendor.call.VendorCallPipeline;
import com.esigngateway.vendor.call.VendorOperation;
import com.esigngateway.vendor.rest.VendorHttp;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * The two vendor operations that make a token: EncryptString ({@code GET rest/v1/encrypt/{apiKey}/{salt}}) and
 * GetToken ({@code GET rest/v1/gettoken/{salt}} with {@code Authorization: <encrypted key>}). Both are idempotent,
 * so they are retried, and they share the {@code vendor-token} breaker and the token time limit.
 */
// Created at start-up, so that its operations (and their breakers) are declared before the first call.
@Startup
@ApplicationScoped
public class TokenCalls {

    public static final String BREAKER = "vendor-token";

    /** What EncryptString is called with. */
    record Plain(String apiKey, String salt) {
    }

    /** What GetToken is called with. */
    record Encrypted(String salt, String encryptedApiKey) {
    }

    private final VendorCallPipeline pipeline;
    private final VendorOperation<Plain, String> encrypt;
    private final VendorOperation<Encrypted, String> getToken;

    TokenCalls(VendorCallPipeline pipeline, VendorHttp rest, VendorConfig config) {
        this.pipeline = pipeline;
        VendorConfig.Token token = config.token();
        Breaker breaker = Breaker.of(BREAKER, "token service", token.circuitBreaker());
        RetrySettings retry = new RetrySettings(token.retry().maxRetries(), token.retry().initialDelay(),
                token.retry().maxDelay(), token.retry().jitter());
        this.encrypt = pipeline.declare(VendorOperation.<Plain, String>named("EncryptString").metricName("encrypt")
                .timeLimit(token.timeout()).breaker(breaker).retried(retry).maxAnswer(token.maxAnswerSize().asLongValue())
                .request((plain, call) -> rest.encrypt(plain.apiKey(), plain.salt(), call.requestId(), call.maxAnswer()))
                .vendorErrors(message -> VendorFailure.BAD_ANSWER)
                .answer(VendorAnswer::returnValue));
        this.getToken = pipeline.declare(VendorOperation.<Encrypted, String>named("GetToken")
                .timeLimit(token.timeout()).breaker(breaker).retried(retry).maxAnswer(token.maxAnswerSize().asLongValue())
                .request((key, call) -> rest.getToken(key.salt(), key.encryptedApiKey(), call.requestId(), call.maxAnswer()))
                .vendorErrors(message -> VendorFailure.BAD_ANSWER)
                .emptyResult(VendorFailure.CREDENTIALS_REFUSED)
                .answer(VendorAnswer::returnValue));
    }

    Uni<String> encrypt(String apiKey, String salt, String requestId) {
        return pipeline.run(encrypt, new Plain(apiKey, salt), null, requestId, Deadline.none());
    }

    Uni<String> getToken(String salt, String encryptedApiKey, String requestId) {
        return pipeline.run(getToken, new Encrypted(salt, encryptedApiKey), null, requestId, Deadline.none());
    }
}
