package com.esigngateway.vendor.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.esigngateway.vendor.answer.VendorAnswer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the vendor answered to CreateSession (its SessionResponse): the session id and, when it sent them, the
 * signers' ids, by email.
 */
public record SessionCreated(String sessionId, Map<String, String> signerIdsByEmail) {

    public Optional<String> signerId(String email) {
        return email == null ? Optional.empty()
                : Optional.ofNullable(signerIdsByEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    /**
     * Reads {@code SigningSessionId} (the vendor's sample), tolerating other casings and a bare id, and the signer
     * ids from {@code Sessions[*].Signers[*]}, {@code Signers[*]} or {@code Session.Signers[*]}.
     */
    public static SessionCreated from(VendorAnswer answer) {
        JsonNode body = answer.body();
        String id = VendorAnswer.text(body, "SigningSessionId", "SigningSessionID", "signingSessionId");
        if (id == null && body.isTextual() && !body.asText().isBlank()) {
            id = body.asText();
        }
        if (id == null) {
            if (body.isObject() && !body.has("SigningSessionId")) {
                throw answer.unreadable("The vendor's CreateSession answer has no SigningSessionId.");
            }
            throw answer.empty();
        }
        Map<String, String> ids = new HashMap<>();
        collectSigners(body.path("Signers"), ids);
        for (JsonNode session : body.path("Sessions")) {
            collectSigners(session.path("Signers"), ids);
        }
        collectSigners(body.path("Session").path("Signers"), ids);
        return new SessionCreated(id, ids);
    }

    private static void collectSigners(JsonNode signers, Map<String, String> ids) {
        for (JsonNode signer : signers) {
            String email = VendorAnswer.text(signer, "EmailAddress", "Email");
            String id = VendorAnswer.text(signer, "SignerId", "SignerID", "Id");
            if (email != null && id != null) {
                ids.putIfAbsent(email.toLowerCase(Locale.ROOT), id);
            }
        }
    }
}
