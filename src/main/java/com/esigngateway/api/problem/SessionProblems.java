package com.esigngateway.api.problem;

import com.esigngateway.session.SessionFailure;

/** The one place where the use cases' refusals become HTTP problems (the vendor's failures: {@link VendorProblems}). */
final class SessionProblems {

    private SessionProblems() {
    }

    static ProblemType typeOf(SessionFailure failure) {
        return switch (failure.kind()) {
            case INVALID_REQUEST -> ProblemType.INVALID_REQUEST;
            case SESSION_NOT_FOUND -> ProblemType.SESSION_NOT_FOUND;
            case OWNER_NOT_ALLOWED -> ProblemType.OWNER_NOT_ALLOWED;
            case SIGNER_NOT_FOUND -> ProblemType.SESSION_NOT_FOUND;
            case SESSION_STATE_CONFLICT -> ProblemType.SESSION_STATE_CONFLICT;
            case SIGNER_STATE_CONFLICT -> ProblemType.SIGNER_STATE_CONFLICT;
            case SESSION_NOT_COMPLETED -> ProblemType.SESSION_NOT_COMPLETED;
            case DOCUMENTS_PURGED -> ProblemType.DOCUMENTS_PURGED;
            case UPLOAD_NOT_FOUND -> ProblemType.UPLOAD_NOT_FOUND;
            case IDEMPOTENCY_KEY_REUSED -> ProblemType.IDEMPOTENCY_KEY_REUSED;
            case OUTCOME_UNKNOWN -> ProblemType.OUTCOME_UNKNOWN;
            case IDEMPOTENCY_STORE_FULL -> ProblemType.IDEMPOTENCY_STORE_FULL;
            case IDEMPOTENCY_STORE_UNAVAILABLE -> ProblemType.IDEMPOTENCY_STORE_UNAVAILABLE;
        };
    }
}
