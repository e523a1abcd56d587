package com.esigngateway.webhook.event;

import java.util.List;

import com.esigngateway.api.model.SessionSigner;
import com.esigngateway.api.model.SessionStatus;
import com.esigngateway.api.model.SignerStatus;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.api.model.SigningSessionEventType;

/** Which event a verified webhook is: decided by what the vendor reports now, never by what the webhook claimed. */
public final class EventTypes {

    public static final List<String> ALL = java.util.Arrays.stream(SigningSessionEventType.values())
            .map(SigningSessionEventType::toString).toList();

    private EventTypes() {
    }

    /** The event of a session-level webhook (or one of a kind the gateway does not know). */
    public static SigningSessionEventType ofSession(SigningSession session) {
        SessionStatus status = session.getStatus();
        if (status == null) {
            return SigningSessionEventType.SIGNING_SESSION_STATUS_CHANGED;
        }
        return switch (status) {
            case COMPLETED -> SigningSessionEventType.SIGNING_SESSION_COMPLETED;
            case CANCELLED -> SigningSessionEventType.SIGNING_SESSION_CANCELLED;
            case EXPIRED -> SigningSessionEventType.SIGNING_SESSION_EXPIRED;
            default -> SigningSessionEventType.SIGNING_SESSION_STATUS_CHANGED;
        };
    }

    /** The event of a signer's webhook: a decline is the session's news, anything else the signer's. */
    public static SigningSessionEventType ofSigner(SessionSigner signer) {
        return signer.getStatus() == SignerStatus.DECLINED ? SigningSessionEventType.SIGNING_SESSION_DECLINED
                : SigningSessionEventType.SIGNER_STATUS_CHANGED;
    }

    /** Whether {@code pattern} names event types: {@code *}, one type, or a family ({@code signing-session.*}). */
    public static boolean isPattern(String pattern) {
        if (pattern.equals("*") || ALL.contains(pattern)) {
            return true;
        }
        return pattern.endsWith(".*") && ALL.stream().anyMatch(type -> type.startsWith(pattern.substring(0, pattern.length() - 1)));
    }
}
