package com.esigngateway.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.esigngateway.api.generated.SigningSessionsApi;
import com.esigngateway.api.model.CancelSigningSessionRequest;
import com.esigngateway.api.model.PurgeSigningSessionRequest;
import com.esigngateway.api.model.SignerCorrection;
import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.api.model.SendInvitationsRequest;
import com.esigngateway.api.problem.ProblemStatuses;
import com.esigngateway.observability.AuditLog;
import com.esigngateway.security.Roles;
import com.esigngateway.session.CancelSigningSession;
import com.esigngateway.session.CancelSigningSessionPurge;
import com.esigngateway.session.CorrectSigner;
import com.esigngateway.session.Caller;
import com.esigngateway.session.CallerRequest;
import com.esigngateway.session.CreateSignerLink;
import com.esigngateway.session.CreateSigningSession;
import com.esigngateway.session.GetSignedDocuments;
import com.esigngateway.api.download.FileResponses;
import com.esigngateway.session.ReadSignerUploads;
import com.esigngateway.session.ListSigningSessions;
import com.esigngateway.session.PurgeSigningSession;
import com.esigngateway.session.ReadAuditTrail;
import com.esigngateway.session.ReadSigningSession;
import com.esigngateway.session.RenewContinueLink;
import com.esigngateway.session.SendInvitations;

import org.jboss.logging.MDC;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code /v1/signing-sessions}, as the contract in {@code openapi/esign-gateway.yaml} defines it: one use case per
 * method, on the request's event loop. A creation's body has been received by
 * {@link com.esigngateway.api.http.RequestBodies}, which also says where it is parsed.
 */
@RolesAllowed(Roles.SIGNING_SESSIONS)
public class SigningSessionResource implements SigningSessionsApi {

    static final String REPLAYED = "Idempotent-Replayed";
    public static final String CLIENT_MDC_KEY = "client";

    private final CreateSigningSession create;
    private final ReadSigningSession read;
    private final ListSigningSessions list;
    private final CancelSigningSession cancel;
    private final SendInvitations invitations;
    private final RenewContinueLink continueLink;
    private final CreateSignerLink signerLink;
    private final ReadAuditTrail auditTrail;
    private final PurgeSigningSession purge;
    private final CancelSigningSessionPurge purgeCancel;
    private final CorrectSigner correctSigner;
    private final GetSignedDocuments signedDocuments;
    private final ReadSignerUploads uploads;
    private final Callers callers;
    private final AuditLog audit;
    private final ProblemStatuses statuses;

    SigningSessionResource(CreateSigningSession create, ReadSigningSession read, ListSigningSessions list,
            CancelSigningSession cancel, SendInvitations invitations, RenewContinueLink continueLink,
            CreateSignerLink signerLink, ReadAuditTrail auditTrail, PurgeSigningSession purge,
            CancelSigningSessionPurge purgeCancel, CorrectSigner correctSigner, GetSignedDocuments signedDocuments,
            ReadSignerUploads uploads, Callers callers, AuditLog audit, ProblemStatuses statuses) {
        this.uploads = uploads;
        this.correctSigner = correctSigner;
        this.signedDocuments = signedDocuments;
        this.purge = purge;
        this.purgeCancel = purgeCancel;
        this.audit = audit;
        this.statuses = statuses;
        this.create = create;
        this.read = read;
        this.list = list;
        this.cancel = cancel;
        this.invitations = invitations;
        this.continueLink = continueLink;
        this.signerLink = signerLink;
        this.auditTrail = auditTrail;
        this.callers = callers;
    }

    @Override
    public Uni<Response> createSigningSession(CreateSigningSessionRequest request, String idempotencyKey,
            String requestId) {
        CallerRequest call = call(requestId);
        return audited("create", null, call, true, create.create(request, call, idempotencyKey).map(outcome -> {
            Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                    .header("Location", "/v1/signing-sessions/"
                            + URLEncoder.encode(outcome.session().getId(), StandardCharsets.UTF_8))
                    .type(MediaType.APPLICATION_JSON)
                    .entity(outcome.session());
            if (outcome.replayed()) {
                response.header(REPLAYED, "true");
            }
            return response.build();
        }), request == null ? null : request.getOwner());
    }

    @Override
    @RolesAllowed({Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_READ})
    public Uni<Response> getSigningSession(String id, String requestId) {
        CallerRequest call = call(requestId);
        return audited("read", id, call, false, read.read(id, call).map(SigningSessionResource::ok), null);
    }

    @Override
    @RolesAllowed({Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_READ})
    public Uni<Response> listSigningSessions(String owner, String transactionId, Integer page, Integer limit,
            String requestId) {
        CallerRequest call = call(requestId);
        return audited("list", null, call, false, list.list(owner, transactionId, page == null ? 0 : page,
                limit == null ? 20 : limit, call).map(SigningSessionResource::ok), null);
    }

    @Override
    public Uni<Response> cancelSigningSession(String id, String requestId, CancelSigningSessionRequest request) {
        CallerRequest call = call(requestId);
        return audited("cancel", id, call, true, cancel.cancel(id, request == null ? null : request.getReturnUrl(), call)
                .map(SigningSessionResource::ok), null);
    }

    @Override
    public Uni<Response> sendSigningInvitations(String id, String requestId, SendInvitationsRequest request) {
        CallerRequest call = call(requestId);
        return audited("invitations", id, call, true, invitations.send(id, request == null ? null : request.getSignerIds(),
                call).map(sent -> Response.accepted(sent).type(MediaType.APPLICATION_JSON).build()), null);
    }

    @Override
    public Uni<Response> renewContinueLink(String id, String requestId) {
        CallerRequest call = call(requestId);
        return audited("continue-link", id, call, true, continueLink.renew(id, call).map(SigningSessionResource::ok), null);
    }

    @Override
    public Uni<Response> createSignerLink(String id, String signerId, String requestId) {
        CallerRequest call = call(requestId);
        return audited("signer-link", id, call, true, signerLink.create(id, signerId, call).map(SigningSessionResource::ok),
                null);
    }

    @Override
    @RolesAllowed({Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_READ})
    public Uni<Response> getAuditTrail(String id, String requestId) {
        CallerRequest call = call(requestId);
        return audited("audit-trail", id, call, false, auditTrail.read(id, call).map(SigningSessionResource::ok), null);
    }

    @Override
    @RolesAllowed({Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_READ})
    @Blocking // the answer is streamed from temporary files: written on a worker, waiting for the caller to drain it
    public Uni<Response> getSignedDocuments(String id, String requestId) {
        CallerRequest call = call(requestId);
        return audited("signed-documents", id, call, false, signedDocuments.get(id, call).map(FileResponses::signedDocuments),
                null);
    }

    @Override
    @RolesAllowed({Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_READ})
    public Uni<Response> listSignerUploads(String id, String signerId, Integer page, String requestId) {
        CallerRequest call = call(requestId);
        return audited("signer-uploads", id, call, false, uploads.list(id, signerId, page == null ? 0 : page, call)
                .map(SigningSessionResource::ok), null);
    }

    @Override
    @RolesAllowed({Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_READ})
    @Blocking // the answer is streamed from temporary files: written on a worker, waiting for the caller to drain it
    public Uni<Response> getSignerUpload(String id, String signerId, String uploadId, String requestId) {
        CallerRequest call = call(requestId);
        return audited("signer-upload", id, call, false, uploads.get(id, signerId, uploadId, call).map(upload ->
                FileResponses.file(upload.fileName(), upload.contentType(), upload.content(), upload.content()::release)),
                null);
    }

    @Override
    public Uni<Response> correctSigner(String id, String signerId, SignerCorrection correction, Boolean resendInvitation,
            String requestId) {
        CallerRequest call = call(requestId);
        return audited("correct-signer", id, call, true, correctSigner.correct(id, signerId, correction,
                Boolean.TRUE.equals(resendInvitation), call).map(SigningSessionResource::ok), null);
    }

    @Override
    @RolesAllowed(Roles.SIGNING_SESSIONS_PURGE)
    public Uni<Response> purgeSigningSession(String id, String requestId, PurgeSigningSessionRequest request) {
        CallerRequest call = call(requestId);
        boolean now = request != null && Boolean.TRUE.equals(request.getNow());
        return audited(now ? "purge-now" : "purge", id, call, true,
                purge.purge(id, now, call).map(SigningSessionResource::accepted), null);
    }

    @Override
    @RolesAllowed(Roles.SIGNING_SESSIONS_PURGE)
    public Uni<Response> cancelSigningSessionPurge(String id, String requestId) {
        CallerRequest call = call(requestId);
        return audited("purge-cancel", id, call, true, purgeCancel.cancel(id, call).map(SigningSessionResource::accepted),
                null);
    }

    /**
     * Writes the audit record of a call that changes something ({@code changes}), whatever its outcome, and of any
     * call an ownership check refused. A creation's session id is the one in its {@code Location}.
     */
    private Uni<Response> audited(String operation, String sessionId, CallerRequest call, boolean changes,
            Uni<Response> answer, String requestedOwner) {
        return answer.invoke(response -> {
            if (changes) {
                String id = sessionId;
                if (id == null && response.getEntity() instanceof com.esigngateway.api.model.SigningSession session) {
                    id = session.getId();
                }
                audit.record(call.caller().name(), operation, id, owner(call, requestedOwner), response.getStatus(),
                        false, call.requestId());
            }
        }).onFailure().invoke(failure -> {
            if (changes || call.refused()) {
                audit.record(call.caller().name(), operation, sessionId, owner(call, requestedOwner),
                        statuses.statusOf(failure), call.refused(), call.requestId());
            }
        });
    }

    private static String owner(CallerRequest call, String requestedOwner) {
        return call.owner() != null ? call.owner() : requestedOwner;
    }

    /** The calling service (its name also put in the logging context of the request) and the request's id. */
    private CallerRequest call(String requestId) {
        Caller caller = callers.current();
        MDC.put(CLIENT_MDC_KEY, caller.name());
        return new CallerRequest(caller, requestId);
    }

    private static Response accepted(Object entity) {
        return Response.accepted(entity).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response ok(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON).build();
    }
}
