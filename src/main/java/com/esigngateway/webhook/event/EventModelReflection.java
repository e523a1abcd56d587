package com.esigngateway.webhook.event;

import com.esigngateway.api.model.SessionDocument;
import com.esigngateway.api.model.SessionSigner;
import com.esigngateway.api.model.SessionStatus;
import com.esigngateway.api.model.SignerStatus;
import com.esigngateway.api.model.SigningSession;
import com.esigngateway.api.model.SigningSessionEvent;
import com.esigngateway.api.model.SigningSessionEventData;
import com.esigngateway.api.model.SigningSessionEventLinks;
import com.esigngateway.api.model.SigningSessionEventType;
import com.esigngateway.api.model.VendorWebhookReport;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The contract's event models are written with Jackson outside any REST signature (the event body is signed, then
 * sent), so the native image must keep what Jackson reads of them: their getters and the enums' {@code @JsonValue}
 * (without it, {@code type} is written as {@code SIGNING_SESSION_COMPLETED}).
 */
@RegisterForReflection(targets = { SigningSessionEvent.class, SigningSessionEventData.class, SigningSessionEventLinks.class,
        SigningSessionEventType.class,
        VendorWebhookReport.class, SigningSession.class, SessionSigner.class, SessionDocument.class, SessionStatus.class,
        SignerStatus.class })
final class EventModelReflection {

    private EventModelReflection() {
    }
}
