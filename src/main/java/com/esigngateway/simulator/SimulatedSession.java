package com.esigngateway.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A session the simulator created, with the vendor's status codes (session 1..9, signer 1..8) and an action log,
 * so that it can be read, cancelled and re-invited as at the vendor. Changes are synchronized on the session.
 */
final class SimulatedSession {

    static final int DRAFT = 1;
    static final int SENT = 2;
    static final int COMPLETED = 3;
    static final int CANCELLED = 4;
    static final int PAUSED = 6;
    static final int EXPIRED = 7;
    static final int PURGED = 8;

    static final int SIGNER_PENDING_INVITE = 1;
    static final int SIGNER_INVITED = 2;
    static final int SIGNER_IN_PROGRESS = 3;
    static final int SIGNER_COMPLETED = 4;
    static final int SIGNER_CANCELLED = 5;
    static final int SIGNER_DECLINED = 6;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One signer of the session. */
    static final class Signer {
        final String id;
        String email;
        String firstName;
        String lastName;
        final String role;
        int status;
        String declinedReason;
        /** {@code MandateDocUpload}: when this signer signs, the simulator has it upload one stand-in document. */
        final boolean uploadRequired;

        Signer(String id, String email, String firstName, String lastName, String role, int status,
                boolean uploadRequired) {
            this.id = id;
            this.email = email;
            this.firstName = firstName;
            this.lastName = lastName;
            this.role = role;
            this.status = status;
            this.uploadRequired = uploadRequired;
        }

        /** What this signer uploaded: one stand-in document once it signed, if the session asked for one. */
        synchronized boolean uploaded() {
            return uploadRequired && status == SIGNER_COMPLETED;
        }
    }

    private record LogEntry(Instant at, String description) {
    }

    final String id;
    final String owner;
    final String title;
    final String transactionId;
    final String expiresOn;
    final List<String> documents;
    final List<Signer> signers;
    private final List<LogEntry> log = new ArrayList<>();
    private int status;
    private boolean purgeWaiting;

    SimulatedSession(String id, String owner, String title, String transactionId, String expiresOn,
            List<String> documents, List<Signer> signers, int status, Instant createdAt) {
        this.id = id;
        this.owner = owner;
        this.title = title;
        this.transactionId = transactionId;
        this.expiresOn = expiresOn;
        this.documents = List.copyOf(documents);
        this.signers = List.copyOf(signers);
        this.status = status;
        log.add(new LogEntry(createdAt, status == SENT ? "Session created and sent to signers" : "Session created"));
    }

    synchronized int status() {
        return status;
    }

    /** CancelSession: only a draft, sent or paused session can be cancelled. */
    synchronized boolean cancel(Instant at) {
        if (status != DRAFT && status != SENT && status != PAUSED) {
            return false;
        }
        status = CANCELLED;
        signers.forEach(signer -> {
            if (signer.status != SIGNER_COMPLETED) {
                signer.status = SIGNER_CANCELLED;
            }
        });
        log.add(new LogEntry(at, "Session cancelled"));
        return true;
    }

    /** What PurgeSessionDocs did: nothing (the state forbids it), a purge that waits, or the documents gone. */
    enum Purge { REFUSED, WAITING, DONE }

    /** PurgeSessionDocs: only a completed, expired or cancelled session; at once, or after the waiting period. */
    synchronized Purge purge(boolean now, Instant at) {
        if (status != COMPLETED && status != EXPIRED && status != CANCELLED) {
            return Purge.REFUSED;
        }
        if (!now) {
            purgeWaiting = true;
            log.add(new LogEntry(at, "Documents to be purged"));
            return Purge.WAITING;
        }
        purgeWaiting = false;
        status = PURGED;
        log.add(new LogEntry(at, "Documents purged"));
        return Purge.DONE;
    }

    /**
     * Update Signers, for one signer: only in a draft, sent or paused session and for a signer who has not completed,
     * declined or been delegated (the gateway checks the same first). A null leaves the value as it is.
     */
    synchronized boolean correct(Signer signer, String email, String firstName, String lastName, Instant at) {
        if (status != DRAFT && status != SENT && status != PAUSED || !open(signer)) {
            return false;
        }
        signer.email = email != null ? email : signer.email;
        signer.firstName = firstName != null ? firstName : signer.firstName;
        signer.lastName = lastName != null ? lastName : signer.lastName;
        log.add(new LogEntry(at, "Signer " + signer.role + " corrected"));
        return true;
    }

    /** CancelPurgingSession: only while a purge waits. */
    synchronized boolean cancelPurge(Instant at) {
        if (!purgeWaiting) {
            return false;
        }
        purgeWaiting = false;
        log.add(new LogEntry(at, "Purge cancelled"));
        return true;
    }

    /** What a signer's action did: the signer's new status, and whether the session completed with it. */
    record Change(boolean changed, boolean sessionCompleted) {
    }

    /** A signer signs (in the eSign UI): when the last one has, the session is completed. Only in a sent session. */
    synchronized Change complete(Signer signer, Instant at) {
        if (status != SENT || !open(signer)) {
            return new Change(false, false);
        }
        signer.status = SIGNER_COMPLETED;
        log.add(new LogEntry(at, "Signed by " + signer.email));
        if (signers.stream().allMatch(each -> each.status == SIGNER_COMPLETED)) {
            status = COMPLETED;
            log.add(new LogEntry(at, "Session completed"));
            return new Change(true, true);
        }
        return new Change(true, false);
    }

    /** A signer declines, with a reason; the session stays as it is (what the vendor does then is undocumented). */
    synchronized Change decline(Signer signer, String reason, Instant at) {
        if (status != SENT || !open(signer)) {
            return new Change(false, false);
        }
        signer.status = SIGNER_DECLINED;
        signer.declinedReason = reason;
        log.add(new LogEntry(at, "Declined by " + signer.email));
        return new Change(true, false);
    }

    private static boolean open(Signer signer) {
        return signer.status != SIGNER_COMPLETED && signer.status != SIGNER_CANCELLED && signer.status != SIGNER_DECLINED;
    }

    /** SendSignerEmailInvites: invitations go out again, to these signers. */
    synchronized void invited(List<Signer> invited, Instant at) {
        invited.forEach(signer -> {
            if (signer.status == SIGNER_PENDING_INVITE) {
                signer.status = SIGNER_INVITED;
            }
            log.add(new LogEntry(at, "Invitation sent to " + signer.email));
        });
    }

    Signer signer(String signerId) {
        return signers.stream().filter(signer -> signer.id.equals(signerId)).findFirst().orElse(null);
    }

    /** The session as a SessionResponse's {@code Sessions[0]}. */
    synchronized ObjectNode toJson() {
        ObjectNode session = NODES.objectNode().put("SigningSessionId", id).put("UserName", owner);
        ObjectNode info = session.putObject("SessionInfo").put("Title", title).put("StatusCode", status);
        if (transactionId != null) {
            info.put("TransactionId", transactionId);
        }
        if (expiresOn != null) {
            info.put("ExpiresOn", expiresOn);
        }
        ArrayNode documentList = session.putArray("Documents");
        documents.forEach(name -> documentList.addObject().put("FileName", name));
        ArrayNode signerList = session.putArray("Signers");
        for (Signer signer : signers) {
            ObjectNode node = signerList.addObject().put("SignerId", signer.id).put("EmailAddress", signer.email)
                    .put("FirstName", signer.firstName).put("LastName", signer.lastName).put("SignerRole", signer.role)
                    .put("StatusCode", signer.status);
            if (signer.declinedReason != null) {
                node.put("DeclinedReason", signer.declinedReason);
            }
        }
        return session;
    }

    /** The session as a line of GetSessionsLiteByTransactionId. */
    synchronized ObjectNode toLiteJson() {
        return NODES.objectNode().put("SigningSessionId", id).put("Title", title)
                .put("TransactionId", transactionId).put("StatusCode", status);
    }

    synchronized ArrayNode actionLog() {
        ArrayNode entries = NODES.arrayNode();
        log.forEach(entry -> entries.addObject().put("ActionDate", "/Date(" + entry.at().toEpochMilli() + ")/")
                .put("IPAddress", "127.0.0.1").put("Description", entry.description()));
        return entries;
    }
}
