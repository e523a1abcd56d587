package com.esigngateway.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.esigngateway.api.model.Violation;

/**
 * A request the use cases refuse, in the gateway's own terms: what went wrong and, where it helps, when a retry may
 * succeed. The message is fit for callers (no secrets, no stack details). The HTTP edge turns each {@link Kind} into a
 * problem; nothing below it knows status codes.
 */
public class SessionFailure extends RuntimeException {

    public enum Kind {
        /** The request breaks the contract's or the vendor's rules; {@link #violations()} lists every one. */
        INVALID_REQUEST,
        /**
         * No session with this id that the caller may see: the vendor has none, or its owner is not one the caller
         * acts for. Both answer the same, so that a caller cannot tell another client's session from no session.
         */
        SESSION_NOT_FOUND,
        /** The request names an owner the caller does not act for ({@code esign.gateway.clients.<name>.owners}). */
        OWNER_NOT_ALLOWED,
        /** The session has no signer with the id the caller gave. */
        SIGNER_NOT_FOUND,
        /** The session's state does not allow the operation. */
        SESSION_STATE_CONFLICT,
        /** The signer's state does not allow the operation (a signer who completed, declined or delegated). */
        SIGNER_STATE_CONFLICT,
        /** The session is not completed, so it has no signed documents (yet). */
        SESSION_NOT_COMPLETED,
        /** The session's documents were purged. */
        DOCUMENTS_PURGED,
        /** The signer has no upload with the id the caller gave. */
        UPLOAD_NOT_FOUND,
        /** The Idempotency-Key was used before for a different request. */
        IDEMPOTENCY_KEY_REUSED,
        /** An earlier attempt with the Idempotency-Key may have created a session, and none was found. */
        OUTCOME_UNKNOWN,
        /** No room for another Idempotency-Key record. */
        IDEMPOTENCY_STORE_FULL,
        /** The store of Idempotency-Key records cannot be reached. */
        IDEMPOTENCY_STORE_UNAVAILABLE
    }

    /** The one detail of every {@link Kind#SESSION_NOT_FOUND}, whatever the reason. */
    public static final String NO_SUCH_SESSION = "There is no signing session with this id.";

    private final Kind kind;
    private final List<Violation> violations;
    private final Duration retryAfter;

    public SessionFailure(Kind kind, String detail) {
        this(kind, detail, List.of(), null);
    }

    public SessionFailure(Kind kind, String detail, Duration retryAfter) {
        this(kind, detail, List.of(), retryAfter);
    }

    private SessionFailure(Kind kind, String detail, List<Violation> violations, Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    /** The request has these violations, every one of them. */
    public static SessionFailure invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? "The request has 1 invalid field."
                : "The request has " + violations.size() + " invalid fields.";
        return new SessionFailure(Kind.INVALID_REQUEST, detail, violations, null);
    }

    /** No session with this id for this caller (unknown, or another client's: the same answer). */
    public static SessionFailure sessionNotFound() {
        return new SessionFailure(Kind.SESSION_NOT_FOUND, NO_SUCH_SESSION);
    }

    /** The request's {@code field} names an owner the caller does not act for. */
    public static SessionFailure ownerNotAllowed(String field) {
        return new SessionFailure(Kind.OWNER_NOT_ALLOWED, "This client does not act for the owner the request names.",
                List.of(new Violation().field(field).message("is not an owner this client acts for")), null);
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
