package com.esigngateway.session;

import java.time.ZoneOffset;

import com.esigngateway.api.model.SessionDocument;
import com.esigngateway.api.model.SessionSigner;
import com.esigngateway.api.model.SessionStatus;
import com.esigngateway.api.model.SignerStatus;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.vendor.model.SessionDetails;

/** What the vendor says about a session, in the contract's words: its status codes become the clean enums. */
final class SessionViews {

    /** The vendor's session statuses 1..9 (its webhook's SessionStatusType), in order. */
    private static final SessionStatus[] SESSION = {SessionStatus.DRAFT, SessionStatus.SENT, SessionStatus.COMPLETED,
            SessionStatus.CANCELLED, SessionStatus.DELETED, SessionStatus.PAUSED, SessionStatus.EXPIRED,
            SessionStatus.PURGED, SessionStatus.ARCHIVED};
    /** The vendor's signer statuses 1..8, in order. */
    private static final SignerStatus[] SIGNER = {SignerStatus.PENDING_INVITE, SignerStatus.INVITED,
            SignerStatus.IN_PROGRESS, SignerStatus.COMPLETED, SignerStatus.CANCELLED, SignerStatus.DECLINED,
            SignerStatus.DELEGATED, SignerStatus.AUTHENTICATION_FAILED};

    private SessionViews() {
    }

    static SigningSession of(SessionDetails details) {
        return new SigningSession()
                .id(details.sessionId())
                .title(details.title() == null ? "" : details.title())
                .transactionId(details.transactionId())
                .owner(details.owner())
                .status(status(details.statusCode()))
                .statusCode(details.statusCode())
                .expiresAt(details.expiresAt() == null ? null : details.expiresAt().atOffset(ZoneOffset.UTC))
                .documents(details.documents().stream().map(name -> new SessionDocument().fileName(name)).toList())
                .signers(details.signers().stream().map(SessionViews::signer).toList());
    }

    static SessionSigner signer(SessionDetails.Signer signer) {
        return new SessionSigner()
                .id(signer.signerId())
                .email(signer.email())
                .role(signer.role() == null ? "" : signer.role())
                .firstName(signer.firstName())
                .lastName(signer.lastName())
                .status(signerStatus(signer.statusCode()))
                .statusCode(signer.statusCode())
                .declineReason(signer.declineReason());
    }

    /** Null when the vendor sent none, {@code UNKNOWN} for a code outside 1..9. */
    static SessionStatus status(Integer code) {
        if (code == null) {
            return null;
        }
        return code >= 1 && code <= SESSION.length ? SESSION[code - 1] : SessionStatus.UNKNOWN;
    }

    static SignerStatus signerStatus(Integer code) {
        if (code == null) {
            return null;
        }
        return code >= 1 && code <= SIGNER.length ? SIGNER[code - 1] : SignerStatus.UNKNOWN;
    }
}
