package com.esigngateway.session;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.InvitationsSent;
import com.esigngateway.api.model.Violation;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.VendorGateway.Invitations;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.SessionDetails;
import com.esigngateway.vendor.model.VendorInviteRequest;

import io.smallrye.mutiny.Uni;

/**
 * Sends the invitation emails again, to all signers or to the named ones. The session is read first: the vendor's
 * SendSignerEmailInvites takes the signers themselves, and a signer id the session does not have is the caller's
 * mistake (a 400), not the vendor's.
 */
@ApplicationScoped
public class SendInvitations {

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final VendorConfig config;

    private final SessionAccess access;

    SendInvitations(VendorGateway vendor, RequestDeadlines deadlines, VendorConfig config, SessionAccess access) {
        this.access = access;
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.config = config;
    }

    /** @param signerIds null or empty for every signer (the generated model makes an absent list an empty one) */
    public Uni<InvitationsSent> send(String sessionId, List<String> signerIds, CallerRequest request) {
        Deadline deadline = deadlines.start(request.caller());
        String requestId = request.requestId();
        return access.session(sessionId, request, deadline).chain(session -> {
            List<SessionDetails.Signer> chosen = chosen(session.value(), signerIds);
            List<VendorInviteRequest.Signer> signers = chosen.stream().map(signer -> new VendorInviteRequest.Signer(
                    signer.signerId(), signer.email(), signer.firstName(), signer.lastName(), signer.role())).toList();
            return vendor.sendInvites(new Invitations(sessionId, signers, config.returnUrl().orElse(null)), requestId,
                    deadline).map(sent -> {
                        if (!sent) {
                            throw new VendorException(VendorFailure.REJECTED, "The vendor did not send the invitations.");
                        }
                        return new InvitationsSent().sessionId(sessionId)
                                .signerIds(chosen.stream().map(SessionDetails.Signer::signerId).toList());
                    });
        });
    }

    private static List<SessionDetails.Signer> chosen(SessionDetails session, List<String> signerIds) {
        if (signerIds == null || signerIds.isEmpty()) {
            return session.signers();
        }
        List<Violation> unknown = new ArrayList<>();
        List<SessionDetails.Signer> chosen = new ArrayList<>();
        for (int i = 0; i < signerIds.size(); i++) {
            int index = i;
            session.signer(signerIds.get(i)).ifPresentOrElse(chosen::add, () -> unknown.add(new Violation()
                    .field("signerIds[" + index + "]").message("is not a signer of this session")));
        }
        if (!unknown.isEmpty()) {
            throw SessionFailure.invalid(unknown);
        }
        return chosen;
    }
}
