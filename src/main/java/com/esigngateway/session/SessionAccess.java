package com.esigngateway.session;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.VendorGateway.Answered;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.SessionDetails;

import io.smallrye.mutiny.Uni;

/**
 * The object-level check every operation on a session passes first: the session's owner must be one the caller acts
 * for. The owner is the gateway's own record ({@link SessionOwners}) when it has one, else what the vendor's
 * GetSession reports; a session whose owner is known nowhere is visible only to callers with {@code *}. Another
 * client's session is refused with exactly the answer an unknown id gets ({@link SessionFailure#sessionNotFound()}),
 * after the same calls (the record and GetSession, both read-only), so that neither the body nor the time tells them
 * apart; nothing that changes the session is sent.
 */
@ApplicationScoped
public class SessionAccess {

    private static final Logger LOG = Logger.getLogger(SessionAccess.class);

    private final VendorGateway vendor;
    private final SessionOwners owners;

    SessionAccess(VendorGateway vendor, SessionOwners owners) {
        this.vendor = vendor;
        this.owners = owners;
    }

    /** The session as GetSession reports it, if the caller may see it; else a {@code SESSION_NOT_FOUND} failure. */
    public Uni<Answered<SessionDetails>> session(String sessionId, CallerRequest request, Deadline deadline) {
        Uni<Optional<SessionOwners.Owned>> recorded = owners.find(sessionId).onFailure().recoverWithItem(failure -> {
            LOG.debugf("The record of session owners could not be read (%s); the vendor's answer decides",
                    failure.getClass().getSimpleName());
            return Optional.empty();
        });
        return recorded.chain(record -> vendor.getSession(sessionId, request.requestId(), deadline)
                .onFailure(SessionAccess::unknownSession).transform(failure -> SessionFailure.sessionNotFound())
                .map(answer -> {
                    String owner = record.map(SessionOwners.Owned::owner).orElse(answer.value().owner());
                    request.owner(owner);
                    if (!request.caller().owners().covers(owner)) {
                        request.refuse();
                        throw SessionFailure.sessionNotFound();
                    }
                    return answer;
                }));
    }

    /**
     * The session's owner for the gateway's own use (which subscribers may receive its events): the gateway's record,
     * else {@code vendorOwner}; null when it is known nowhere.
     */
    public Uni<String> ownerOf(String sessionId, String vendorOwner) {
        return owners.find(sessionId).onFailure().recoverWithItem(Optional.empty())
                .map(record -> record.map(SessionOwners.Owned::owner).orElse(vendorOwner));
    }

    /** A list by owner: the caller must act for it, else {@code OWNER_NOT_ALLOWED} naming {@code field}. */
    public void owner(String owner, String field, CallerRequest request) {
        request.owner(owner);
        if (!request.caller().owners().covers(owner)) {
            request.refuse();
            throw SessionFailure.ownerNotAllowed(field);
        }
    }

    private static boolean unknownSession(Throwable failure) {
        return failure instanceof VendorException e && e.kind() == VendorFailure.NOT_FOUND;
    }
}
