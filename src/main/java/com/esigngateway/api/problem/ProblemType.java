package com.esigngateway.api.problem;

import java.net.URI;
import java.util.Optional;

/** Every kind of problem the gateway answers with, its status and its stable {@code type} URI. */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    UNAUTHORIZED(401, "unauthorized", "Missing or unknown credentials"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    OWNER_NOT_ALLOWED(403, "owner-not-allowed", "Not an owner this client acts for"),
    NOT_FOUND(404, "not-found", "Not found"),
    SESSION_NOT_FOUND(404, "session-not-found", "No such signing session"),
    DOCUMENTS_PURGED(404, "documents-purged", "The session's documents were purged"),
    UPLOAD_NOT_FOUND(404, "upload-not-found", "No such upload"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    REQUEST_TIMEOUT(408, "request-timeout", "Request body too slow"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    SESSION_STATE_CONFLICT(409, "session-state-conflict", "The session's state does not allow this"),
    SIGNER_STATE_CONFLICT(409, "signer-state-conflict", "The signer's state does not allow this"),
    SESSION_NOT_COMPLETED(409, "session-not-completed", "The session is not completed"),
    OUTCOME_UNKNOWN(409, "outcome-unknown", "The outcome of an earlier request with this Idempotency-Key is unknown"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused with a different request"),
    VENDOR_REJECTED(422, "vendor-rejected", "The vendor rejected the request"),
    RATE_LIMITED(429, "rate-limited", "Upstream rate limit reached"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    VENDOR_ERROR(502, "vendor-error", "The vendor failed"),
    VENDOR_UNAVAILABLE(503, "vendor-unavailable", "The vendor is unavailable"),
    CIRCUIT_OPEN(503, "circuit-open", "The vendor is failing; calls are paused"),
    GATEWAY_BUSY(503, "gateway-busy", "Too many uploads in flight"),
    IDEMPOTENCY_STORE_FULL(503, "idempotency-store-full", "No room to keep another idempotent answer"),
    IDEMPOTENCY_STORE_UNAVAILABLE(503, "idempotency-store-unavailable", "Idempotency records cannot be reached"),
    EVENT_STORE_UNAVAILABLE(503, "event-store-unavailable", "Status events cannot be kept right now"),
    VENDOR_TIMEOUT(504, "vendor-timeout", "The vendor did not answer in time");

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create("urn:esign-gateway:problem:" + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The {@code reason} tag of {@code esign.requests.rejected} when the gateway itself turned the request away. */
    public Optional<String> rejection() {
        return Optional.ofNullable(switch (this) {
            case INVALID_REQUEST -> "validation";
            case PAYLOAD_TOO_LARGE -> "payload_too_large";
            case REQUEST_TIMEOUT -> "body_timeout";
            case UNSUPPORTED_MEDIA_TYPE -> "media_type";
            case RATE_LIMITED -> "rate_limit";
            case GATEWAY_BUSY -> "bulkhead";
            case IDEMPOTENCY_STORE_FULL -> "idempotency_store_full";
            case IDEMPOTENCY_STORE_UNAVAILABLE -> "idempotency_store_unavailable";
            case CIRCUIT_OPEN -> "breaker";
            case UNAUTHORIZED, FORBIDDEN, OWNER_NOT_ALLOWED -> "auth";
            default -> null;
        });
    }
}
