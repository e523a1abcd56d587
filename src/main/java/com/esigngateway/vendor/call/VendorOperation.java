package com.esigngateway.vendor.call;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.esigngateway.vendor.answer.VendorAnswer;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.rest.VendorResponse;

import io.smallrye.mutiny.Uni;

/**
 * One vendor operation, declared: its name, whether it needs the token, its time limit, the guards it passes (which
 * breaker, whether the upstream rate limit counts it, whether it takes an upload slot), whether it may be retried,
 * how it is sent and how its answer is read. {@link VendorCallPipeline} does the rest the same way for every operation.
 *
 * @param <A> what the operation is called with
 * @param <T> what a successful answer becomes
 */
public final class VendorOperation<A, T> {

    /**
     * What the request function gets for one attempt: the token (null for operations without one), the request id and
     * the largest answer it may read.
     */
    public record Attempt(String token, String requestId, long maxAnswer) {
    }

    final String name;
    final String metricName;
    final boolean usesToken;
    final Duration timeLimit;
    final Breaker breaker;
    final boolean rateLimited;
    final boolean uploadSlots;
    final RetrySettings retry;
    final long maxAnswer;
    final BiFunction<A, Attempt, Uni<VendorResponse>> request;
    final Function<VendorAnswer, T> answer;
    final Function<String, VendorFailure> vendorErrors;
    final VendorFailure emptyResult;

    private VendorOperation(Builder<A, T> builder) {
        this.name = builder.name;
        this.metricName = builder.metricName != null ? builder.metricName
                : builder.name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        this.usesToken = builder.usesToken;
        this.timeLimit = Objects.requireNonNull(builder.timeLimit, "time limit");
        this.breaker = builder.breaker;
        this.rateLimited = builder.rateLimited;
        this.uploadSlots = builder.uploadSlots;
        this.retry = builder.retry;
        this.maxAnswer = builder.maxAnswer;
        this.request = Objects.requireNonNull(builder.request, "request");
        this.answer = Objects.requireNonNull(builder.answer, "answer");
        this.vendorErrors = builder.vendorErrors;
        this.emptyResult = builder.emptyResult != null ? builder.emptyResult
                : builder.usesToken ? VendorFailure.TOKEN_REFUSED : VendorFailure.BAD_ANSWER;
    }

    /** A declaration named as the vendor's documentation names the call, e.g. {@code CreateSession}. */
    public static <A, T> Builder<A, T> named(String vendorName) {
        return new Builder<>(vendorName);
    }

    /** The vendor's name of the call. */
    public String name() {
        return name;
    }

    /** {@code create_session}: the name in metrics and spans. */
    public String metricName() {
        return metricName;
    }

    public Breaker breaker() {
        return breaker;
    }

    public boolean usesToken() {
        return usesToken;
    }

    @Override
    public String toString() {
        return "VendorOperation[" + name + "]";
    }

    public static final class Builder<A, T> {
        private final String name;
        private String metricName;
        private boolean usesToken;
        private Duration timeLimit;
        private Breaker breaker;
        private boolean rateLimited;
        private boolean uploadSlots;
        private RetrySettings retry;
        private long maxAnswer = 64 * 1024;
        private BiFunction<A, Attempt, Uni<VendorResponse>> request;
        private Function<VendorAnswer, T> answer;
        private Function<String, VendorFailure> vendorErrors = VendorAnswers::contentError;
        private VendorFailure emptyResult;

        private Builder(String name) {
            this.name = name;
        }

        /** The {@code operation} tag of metrics and spans, when the vendor's name in snake case is not the one. */
        public Builder<A, T> metricName(String metricName) {
            this.metricName = metricName;
            return this;
        }

        /** Sends the shared vendor token; a refused token is replaced and the call repeated once. */
        public Builder<A, T> withToken() {
            this.usesToken = true;
            return this;
        }

        public Builder<A, T> timeLimit(Duration limit) {
            this.timeLimit = limit;
            return this;
        }

        /** Guarded by this circuit breaker (a call without one is only time-limited). */
        public Builder<A, T> breaker(Breaker breaker) {
            this.breaker = breaker;
            return this;
        }

        /** Counts against the upstream rate limit (the vendor's quota). */
        public Builder<A, T> rateLimited() {
            this.rateLimited = true;
            return this;
        }

        /** Takes one of the bounded upload slots while it runs. */
        public Builder<A, T> uploadSlots() {
            this.uploadSlots = true;
            return this;
        }

        /**
         * Retried on outages (with backoff, within the caller's deadline): only for calls that are safe to repeat.
         * A write that may have reached the vendor is never retried (except after an explicit token refusal).
         */
        public Builder<A, T> retried(RetrySettings settings) {
            this.retry = settings;
            return this;
        }

        /** The largest answer read (64 KiB unless said); a longer one resets the connection and is a bad answer. */
        public Builder<A, T> maxAnswer(long bytes) {
            this.maxAnswer = bytes;
            return this;
        }

        public Builder<A, T> request(BiFunction<A, Attempt, Uni<VendorResponse>> request) {
            this.request = request;
            return this;
        }

        public Builder<A, T> answer(Function<VendorAnswer, T> answer) {
            this.answer = answer;
            return this;
        }

        /** What an {@code "Error: …"} answer (other than a token refusal) means; content refusal by default. */
        public Builder<A, T> vendorErrors(Function<String, VendorFailure> classifier) {
            this.vendorErrors = classifier;
            return this;
        }

        /** What an empty result means; a token refusal for token calls, an unreadable answer otherwise. */
        public Builder<A, T> emptyResult(VendorFailure kind) {
            this.emptyResult = kind;
            return this;
        }

        public VendorOperation<A, T> build() {
            return new VendorOperation<>(this);
        }
    }
}
