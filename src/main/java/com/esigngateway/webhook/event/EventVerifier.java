package com.esigngateway.webhook.event;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.SessionSigner;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.api.model.SigningSessionEvent;
import com.esigngateway.api.model.SigningSessionEventData;
import com.esigngateway.api.model.SigningSessionEventLinks;
import com.esigngateway.api.model.SigningSessionEventType;
import com.esigngateway.api.model.VendorWebhookReport;
import com.esigngateway.session.ReadSigningSession;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.esigngateway.webhook.queue.VerifiedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Verification by callback: a webhook is only a hint that a session changed. The session is read from the vendor
 * (GetSession, through the vendor-call pipeline with its rate limit, breaker and deadline) and the event says what
 * the vendor says now. A session the vendor does not have, or a signer it does not list, gives no event; a vendor
 * that cannot be asked fails the verification, to be tried again later.
 */
@ApplicationScoped
public class EventVerifier {

    /**
     * What a verification came to. {@code event} is empty for a webhook about nothing the vendor knows; {@code owner}
     * is the session's owner as GetSession reports it (null when it names none).
     */
    public record Verification(Optional<VerifiedEvent> event, boolean agrees, String refusal, String owner) {

        static Verification refused(String refusal) {
            return new Verification(Optional.empty(), false, refusal, null);
        }
    }

    public static final String UNKNOWN_SESSION = "unknown_session";
    /** The signed documents of a session, relative to the gateway: what a completed event links to. */
    static final String SIGNED_DOCUMENTS_PATH = "/v1/signing-sessions/%s/documents/signed";
    public static final String UNKNOWN_SIGNER = "unknown_signer";

    private final ReadSigningSession sessions;
    private final ObjectMapper mapper;
    private final Clock clock;

    EventVerifier(ReadSigningSession sessions, ObjectMapper mapper, Clock clock) {
        this.sessions = sessions;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Uni<Verification> verify(ReceivedWebhook webhook) {
        return sessions.read(webhook.sessionId(), webhook.eventId())
                .map(session -> event(webhook, session, clock.instant()))
                .onFailure(failure -> VendorException.is(failure, VendorFailure.NOT_FOUND))
                .recoverWithItem(Verification.refused(UNKNOWN_SESSION));
    }

    Verification event(ReceivedWebhook webhook, SigningSession session, Instant verifiedAt) {
        SessionSigner signer = null;
        SigningSessionEventType type;
        boolean agrees;
        if (webhook.aboutSigner()) {
            signer = session.getSigners().stream()
                    .filter(candidate -> candidate.getId() != null && candidate.getId().equalsIgnoreCase(webhook.signerId()))
                    .findFirst().orElse(null);
            if (signer == null) {
                return Verification.refused(UNKNOWN_SIGNER);
            }
            type = EventTypes.ofSigner(signer);
            agrees = signer.getStatusCode() != null && signer.getStatusCode() == webhook.statusCode();
        } else {
            type = EventTypes.ofSession(session);
            agrees = !ReceivedWebhook.SESSION_STATUS.equalsIgnoreCase(webhook.kind())
                    || session.getStatusCode() != null && session.getStatusCode() == webhook.statusCode();
        }
        session.setContinueUrl(null);
        SigningSessionEvent event = new SigningSessionEvent()
                .id(webhook.eventId())
                .type(type)
                .timestamp(webhook.receivedAt().atOffset(ZoneOffset.UTC))
                .data(new SigningSessionEventData()
                        .session(session)
                        .signer(signer)
                        .verifiedAt(verifiedAt.atOffset(ZoneOffset.UTC))
                        .reported(new VendorWebhookReport()
                                .kind(webhook.kind())
                                .statusCode(webhook.statusCode())
                                .signerId(webhook.signerId())
                                .newSessionId(webhook.newSessionId()))
                        .links(type == SigningSessionEventType.SIGNING_SESSION_COMPLETED
                                ? new SigningSessionEventLinks().signedDocuments(SIGNED_DOCUMENTS_PATH.formatted(
                                        java.net.URLEncoder.encode(session.getId(), java.nio.charset.StandardCharsets.UTF_8)))
                                : null));
        try {
            return new Verification(Optional.of(new VerifiedEvent(webhook.eventId(), type.toString(), webhook.receivedAt(),
                    mapper.writeValueAsString(event))), agrees, null, session.getOwner());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be written as JSON", e);
        }
    }
}
