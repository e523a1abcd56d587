package com.esigngateway.session;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.api.model.CorrectedSigner;
import com.esigngateway.api.model.SessionStatus;
import com.esigngateway.api.model.SignerCorrection;
import com.esigngateway.api.model.SignerStatus;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.VendorGateway;
import com.esigngateway.vendor.VendorGateway.Invitations;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.model.PersonalData;
import com.esigngateway.vendor.model.SessionDetails;
import com.esigngateway.vendor.model.VendorAuthenticationSettings;
import com.esigngateway.vendor.model.VendorInviteRequest;
import com.esigngateway.vendor.model.VendorUpdateSignersRequest;

import io.smallrye.mutiny.Uni;

/**
 * Corrects one signer (Update Signers): the session as the vendor reports it decides whether it may be done, the
 * signer is sent whole with the patch applied, and the answer is the signer as the vendor reports it afterwards —
 * found again by its id, else by its role, since whether the vendor keeps the id is undocumented. A re-invitation that
 * fails after the correction worked does not undo it: the answer says so.
 */
@ApplicationScoped
public class CorrectSigner {

    private static final Set<SessionStatus> OPEN = EnumSet.of(SessionStatus.DRAFT, SessionStatus.SENT,
            SessionStatus.PAUSED);
    private static final Set<SignerStatus> DONE = EnumSet.of(SignerStatus.COMPLETED, SignerStatus.DECLINED,
            SignerStatus.DELEGATED);

    private final VendorGateway vendor;
    private final RequestDeadlines deadlines;
    private final VendorConfig config;
    private final SessionAccess access;

    CorrectSigner(VendorGateway vendor, RequestDeadlines deadlines, VendorConfig config, SessionAccess access) {
        this.vendor = vendor;
        this.deadlines = deadlines;
        this.config = config;
        this.access = access;
    }

    public Uni<CorrectedSigner> correct(String sessionId, String signerId, SignerCorrection patch, boolean resend,
            CallerRequest request) {
        Deadline deadline = deadlines.start(request.caller());
        String requestId = request.requestId();
        return access.session(sessionId, request, deadline).chain(before -> {
            SessionDetails session = before.value();
            SessionStatus status = SessionViews.status(session.statusCode());
            if (!OPEN.contains(status)) {
                throw new SessionFailure(SessionFailure.Kind.SESSION_STATE_CONFLICT, "The session is "
                        + (status == null ? "in a state the vendor did not report" : status)
                        + "; a signer can be corrected only while it is a draft, sent or paused.");
            }
            SessionDetails.Signer signer = session.signer(signerId).orElseThrow(() -> new SessionFailure(
                    SessionFailure.Kind.SIGNER_NOT_FOUND, "The session has no signer with this id."));
            SignerStatus signerStatus = SessionViews.signerStatus(signer.statusCode());
            if (DONE.contains(signerStatus)) {
                throw new SessionFailure(SessionFailure.Kind.SIGNER_STATE_CONFLICT, "The signer has "
                        + signerStatus.toString().toLowerCase(java.util.Locale.ROOT) + "; only a signer who has not "
                        + "completed, declined or delegated can be corrected.");
            }
            VendorUpdateSignersRequest update = new VendorUpdateSignersRequest(session.owner(), sessionId,
                    List.of(patched(signer, patch)));
            return vendor.updateSigners(update, requestId, deadline).chain(done -> {
                if (!done) {
                    return Uni.createFrom().failure(new SessionFailure(SessionFailure.Kind.SESSION_STATE_CONFLICT,
                            "The vendor did not take the correction."));
                }
                return vendor.getSession(sessionId, requestId, deadline).map(after -> after.value());
            }).chain(after -> {
                SessionDetails.Signer corrected = find(after, signer).orElseThrow(() -> new SessionFailure(
                        SessionFailure.Kind.SIGNER_NOT_FOUND, "The vendor no longer reports this signer."));
                CorrectedSigner answer = new CorrectedSigner().signer(SessionViews.signer(corrected));
                if (!resend) {
                    return Uni.createFrom().item(answer.invitation(CorrectedSigner.InvitationEnum.NOT_REQUESTED));
                }
                return invite(sessionId, corrected, requestId, deadline, answer);
            });
        });
    }

    private VendorUpdateSignersRequest.Signer patched(SessionDetails.Signer signer, SignerCorrection patch) {
        String phone = patch.getAuthentication() == null ? null : patch.getAuthentication().getPhone();
        return new VendorUpdateSignersRequest.Signer(signer.signerId(),
                patch.getEmail() != null ? patch.getEmail() : signer.email(),
                patch.getFirstName() != null ? patch.getFirstName() : signer.firstName(),
                patch.getLastName() != null ? patch.getLastName() : signer.lastName(),
                signer.role(),
                phone == null ? null : new VendorAuthenticationSettings(null, PersonalData.of(phone),
                        config.wire().smsPhoneField()));
    }

    /** The corrected signer: by its id if the vendor kept it, else by its role (unique in a session). */
    private static Optional<SessionDetails.Signer> find(SessionDetails after, SessionDetails.Signer before) {
        Optional<SessionDetails.Signer> byId = before.signerId() == null ? Optional.empty() : after.signer(before.signerId());
        return byId.or(() -> after.signers().stream()
                .filter(each -> before.role() != null && before.role().equalsIgnoreCase(each.role())).findFirst());
    }

    private Uni<CorrectedSigner> invite(String sessionId, SessionDetails.Signer signer, String requestId,
            Deadline deadline, CorrectedSigner answer) {
        VendorInviteRequest.Signer invited = new VendorInviteRequest.Signer(signer.signerId(), signer.email(),
                signer.firstName(), signer.lastName(), signer.role());
        return vendor.sendInvites(new Invitations(sessionId, List.of(invited), config.returnUrl().orElse(null)),
                requestId, deadline)
                .map(sent -> sent ? answer.invitation(CorrectedSigner.InvitationEnum.SENT)
                        : answer.invitation(CorrectedSigner.InvitationEnum.FAILED)
                                .invitationProblem("The vendor did not send the invitation."))
                .onFailure(VendorException.class).recoverWithItem(failure -> answer
                        .invitation(CorrectedSigner.InvitationEnum.FAILED)
                        .invitationProblem("The invitation could not be sent (" + ((VendorException) failure).kind()
                                + "); the correction was made. Send it again with POST …/invitations."));
    }
}
