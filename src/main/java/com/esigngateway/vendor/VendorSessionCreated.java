package com.esigngateway.vendor;

import java.util.Map;
import java.util.Optional;

/** What the vendor answered to a session creation: its id and, when it sent them, the signers' ids. */
public record VendorSessionCreated(String sessionId, Map<String, String> signerIdsByEmail) {

    public Optional<String> signerId(String email) {
        return email == null ? Optional.empty()
                : Optional.ofNullable(signerIdsByEmail.get(email.toLowerCase(java.util.Locale.ROOT)));
    }
}
