package com.esigngateway.vendor.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What GetSession says about a session, with the vendor's own status codes (session 1..9, signer 1..8): the use
 * cases turn them into the clean enums.
 */
public record SessionDetails(String sessionId, String title, String transactionId, String owner, Integer statusCode,
        Instant expiresAt, List<String> documents, List<Signer> signers) {

    public record Signer(String signerId, String email, String firstName, String lastName, String role,
            Integer statusCode, String declineReason) {
    }

    public Optional<Signer> signer(String signerId) {
        return signers.stream().filter(signer -> signerId.equals(signer.signerId())).findFirst();
    }
}
