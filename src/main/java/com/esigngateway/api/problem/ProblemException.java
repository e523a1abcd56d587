package com.esigngateway.api.problem;

import java.time.Duration;
import java.util.List;
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

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public ProblemException(ProblemType type, String detail, Duration retryAfter) {
        this(type, detail, List.of(), retryAfter);
    }

    public ProblemException(ProblemType type, String detail, List<Violation> violations) {
        this(type, detail, violations, null);
    }

    private ProblemException(ProblemType type, String detail, List<Violation> violations, Duration retryAfter) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    public ProblemType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
