package com.esigngateway.api.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.esigngateway.api.model.Violation;

/**
 * An error the gateway answers with a problem of the given type. The message becomes the problem's
 * {@code detail}, so it must be fit for callers: no secrets, no stack details.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Violation> violations;
    private final Duration retryAfter;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), null, null);
    }

    public ProblemException(ProblemType type, String detail, Duration retryAfter) {
        this(type, detail, List.of(), retryAfter, null);
    }

    public ProblemException(ProblemType type, String detail, List<Violation> violations) {
        this(type, detail, violations, null, null);
    }

    protected ProblemException(ProblemType type, String detail, List<Violation> violations, Duration retryAfter,
            Throwable cause) {
        this(type, detail, violations, retryAfter, Map.of(), cause);
    }

    protected ProblemException(ProblemType type, String detail, List<Violation> violations, Duration retryAfter,
            Map<String, String> headers, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Extra response headers, e.g. the rate-limit state. */
    public Map<String, String> headers() {
        return headers;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
