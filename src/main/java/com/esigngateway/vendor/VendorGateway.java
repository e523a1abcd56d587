package com.esigngateway.vendor;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.UpstreamConfig;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.answer.VendorAnswer;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.auth.VendorToken;
import com.esigngateway.vendor.auth.VendorTokenProvider;
import com.esigngateway.vendor.call.Breaker;
import com.esigngateway.vendor.call.CallerContext;
import com.esigngateway.vendor.call.Deadline;
import com.esigngateway.vendor.call.RetrySettings;
import com.esigngateway.vendor.call.VendorCallPipeline;
import com.esigngateway.vendor.call.VendorOperation;
import com.esigngateway.vendor.model.ActionLog;
import com.esigngateway.vendor.model.SessionAnswers;
import com.esigngateway.vendor.model.SessionCreated;
import com.esigngateway.vendor.model.SessionDetails;
import com.esigngateway.vendor.model.SessionSummaries;
import com.esigngateway.vendor.model.VendorCreateSessionRequest;
import com.esigngateway.vendor.model.VendorInviteRequest;
import com.esigngateway.vendor.model.VendorUpdateSignersRequest;
import com.esigngateway.vendor.rest.VendorHttp;
import com.esigngateway.vendor.wire.VendorBody;
import com.esigngateway.vendor.wire.VendorBodyWriter;
import com.esigngateway.vendor.wire.SessionFilesReader;
import com.esigngateway.vendor.model.SessionFile;
import com.esigngateway.document.DocumentContent;
import com.esigngateway.document.DocumentSpool;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * The vendor, as the use cases see it: one method per vendor operation, each declared once here (its guards, time
 * limit, retries, request and answer) and run by {@link VendorCallPipeline}. Operations that send the token get it
 * here: the shared token, and after the vendor refused it (which means it did not act on the call) one fresh token
 * and one repeat of the call; a second refusal is final.
 */
// Created at start-up, so that its operations (and their breakers) are declared before the first call.
@Startup
@ApplicationScoped
public class VendorGateway {

    public static final String UPLOADS_BREAKER = "vendor-create-session";
    public static final String SESSION_CALLS_BREAKER = "vendor-session-calls";
    public static final String DOWNLOADS_BREAKER = "vendor-downloads";
    static final String LANDING_URL_CACHE = "vendor-landing-url";

    /** An answer and the token it was obtained with (a continue link carries it). */
    public record Answered<T>(T value, VendorToken token) {
    }

    /** What GetSessionsLiteByTransactionId is called with; {@code page} counts from 0. */
    public record SessionQuery(String owner, String transactionId, int page, int pageSize) {
    }

    /** What SendSignerEmailInvites and CancelSession need besides the session id. */
    public record Invitations(String sessionId, java.util.List<VendorInviteRequest.Signer> signers,
            String returnUrl) {
    }

    public record Cancellation(String sessionId, String returnUrl) {
    }

    /** What GetSignerDocuments is called with: a page of one signer's uploads (the page as the vendor counts it). */
    public record SignerDocumentsQuery(String owner, String sessionId, String signerId, int page, int pageSize) {
    }

    /** What PurgeSessionDocs needs besides the session id. */
    public record Purge(String sessionId, String returnUrl, boolean now) {
    }

    private final VendorCallPipeline pipeline;
    private final VendorTokenProvider tokens;
    private final Cache landingUrls;
    private final VendorConfig vendor;
    private final VendorOperation<VendorCreateSessionRequest, SessionCreated> createSession;
    private final VendorOperation<Void, String> landingUrl;
    private final VendorOperation<String, SessionDetails> getSession;
    private final VendorOperation<SessionQuery, SessionSummaries> listSessions;
    private final VendorOperation<Cancellation, Boolean> cancelSession;
    private final VendorOperation<Invitations, Boolean> sendInvites;
    private final VendorOperation<String, String> signerToken;
    private final VendorOperation<String, ActionLog> actionLog;
    private final VendorOperation<Purge, Boolean> purgeSessionDocs;
    private final VendorOperation<String, Boolean> cancelPurging;
    private final VendorOperation<VendorUpdateSignersRequest, Boolean> updateSigners;
    private final VendorOperation<String, DocumentContent> sessionFiles;
    private final VendorOperation<SignerDocumentsQuery, DocumentContent> signerDocuments;
    private final SessionFilesReader filesReader;
    private final DocumentSpool spool;

    VendorGateway(VendorCallPipeline pipeline, VendorTokenProvider tokens, VendorHttp rest,
            VendorBodyWriter bodies, @CacheName(LANDING_URL_CACHE) Cache landingUrls, VendorConfig vendor,
            UpstreamConfig upstream, DocumentSpool spool, ObjectMapper mapper) {
        this.pipeline = pipeline;
        this.spool = spool;
        this.filesReader = new SessionFilesReader(mapper.getFactory(), new SessionFilesReader.Fields(
                vendor.answers().fileBytes(), vendor.answers().fileName(), vendor.answers().fileId(),
                vendor.answers().fileContentType()));
        this.tokens = tokens;
        this.landingUrls = landingUrls;
        this.vendor = vendor;
        Breaker uploads = Breaker.of(UPLOADS_BREAKER, "session service", upstream.circuitBreaker());

        // POST rest/v1/sessions: a write that may reach the vendor, so never retried; the body is written anew for
        // each attempt (the documents are rendered only while it is sent).
        this.createSession = pipeline.declare(VendorOperation.<VendorCreateSessionRequest, SessionCreated>named("CreateSession")
                .withToken().timeLimit(vendor.timeout()).breaker(uploads).rateLimited().uploadSlots()
                .maxAnswer(vendor.maxAnswerSize().asLongValue())
                .request((request, call) -> {
                    VendorBody body = bodies.write(request);
                    return rest.createSession(call.token(), call.requestId(), body.contentLength(), body.stream(), call.maxAnswer());
                })
                .answer(SessionCreated::from));
        // GET rest/v1/landingurl: the URL the continue link is built on.
        this.landingUrl = pipeline.declare(VendorOperation.<Void, String>named("GetLandingURL").metricName("landing_url")
                .withToken().timeLimit(vendor.token().timeout()).maxAnswer(vendor.token().maxAnswerSize().asLongValue())
                .request((none, call) -> rest.landingUrl(call.token(), call.requestId(), call.maxAnswer()))
                .vendorErrors(message -> VendorFailure.BAD_ANSWER)
                .answer(VendorAnswer::returnValue));

        // The calls about an existing session share a breaker; the reads among them are retried.
        Breaker sessionCalls = Breaker.of(SESSION_CALLS_BREAKER, "session service", upstream.circuitBreaker());
        VendorConfig.SessionCalls settings = vendor.sessionCalls();
        RetrySettings reads = new RetrySettings(settings.retry().maxRetries(), settings.retry().initialDelay(),
                settings.retry().maxDelay(), settings.retry().jitter());
        SessionAnswers answers = new SessionAnswers(vendor.answers());
        long maxAnswer = vendor.maxAnswerSize().asLongValue();
        // GET rest/v1/sessions/{id}
        this.getSession = pipeline.declare(VendorOperation.<String, SessionDetails>named("GetSession")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().retried(reads)
                .maxAnswer(maxAnswer)
                .request((id, call) -> rest.getSession(call.token(), id, call.requestId(), call.maxAnswer()))
                .vendorErrors(VendorGateway::unknownSession)
                .answer(answers::details));
        // GET rest/v1/sessions/lite/{userName}/{transactionId}/{pageSize}/{pageNum}/sortBy?colName=&sortOrder=
        this.listSessions = pipeline.declare(VendorOperation.<SessionQuery, SessionSummaries>named("GetSessionsLiteByTransactionId").metricName("list_sessions")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().retried(reads)
                .maxAnswer(maxAnswer)
                .request((query, call) -> rest.getSessionsLite(call.token(), query.owner(), query.transactionId(),
                        query.pageSize(), query.page(), settings.listSortColumn(), settings.listSortOrder(), call.requestId(),
                        call.maxAnswer()))
                .answer(answers::summaries));
        // PUT rest/v1/sessions/{id}/cancel?returnURL=  (a write: not retried)
        this.cancelSession = pipeline.declare(VendorOperation.<Cancellation, Boolean>named("CancelSession")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().maxAnswer(maxAnswer)
                .request((cancel, call) -> rest.cancelSession(call.token(), cancel.sessionId(), cancel.returnUrl(),
                        call.requestId(), call.maxAnswer()))
                .vendorErrors(VendorGateway::unknownSession)
                .answer(SessionAnswers::truth));
        // PUT rest/v1/signers/invite  (a write: not retried; errors come in Details)
        this.sendInvites = pipeline.declare(VendorOperation.<Invitations, Boolean>named("SendSignerEmailInvites")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().maxAnswer(maxAnswer)
                .request((invitations, call) -> rest.sendSignerInvites(call.token(), call.requestId(),
                        new VendorInviteRequest(invitations.signers(), invitations.sessionId(), invitations.returnUrl()),
                        call.maxAnswer()))
                .vendorErrors(VendorGateway::unknownSession)
                .answer(answer -> !answer.body().path("ReturnValue").isTextual() || SessionAnswers.truth(answer)));
        // GET rest/v1/signers/{signerId}/token
        this.signerToken = pipeline.declare(VendorOperation.<String, String>named("GetSignerInviteToken")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().retried(reads)
                .maxAnswer(maxAnswer)
                .request((signerId, call) -> rest.signerInviteToken(call.token(), signerId, call.requestId(), call.maxAnswer()))
                .answer(VendorAnswer::returnValue));
        // GET rest/v1/sessions/{id}/actionlogs
        this.actionLog = pipeline.declare(VendorOperation.<String, ActionLog>named("GetSessionActionLogs")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().retried(reads)
                .maxAnswer(maxAnswer)
                .request((id, call) -> rest.actionLogs(call.token(), id, call.requestId(), call.maxAnswer()))
                .vendorErrors(VendorGateway::unknownSession)
                .answer(SessionAnswers::actionLog));
        // PUT rest/v1/sessions/{id}/purge?returnURL=&purgeNow=  (a write: not retried; its answer is undocumented)
        this.purgeSessionDocs = pipeline.declare(VendorOperation.<Purge, Boolean>named("PurgeSessionDocs")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().maxAnswer(maxAnswer)
                .request((purge, call) -> rest.purgeSessionDocs(call.token(), purge.sessionId(), purge.returnUrl(),
                        purge.now(), call.requestId(), call.maxAnswer()))
                .vendorErrors(VendorGateway::stateConflict)
                .answer(VendorGateway::unlessRefused));
        // PUT rest/v1/sessions/cancelPurging/{id}  (a write: not retried; only within the purge waiting period)
        this.cancelPurging = pipeline.declare(VendorOperation.<String, Boolean>named("CancelPurgingSession")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().maxAnswer(maxAnswer)
                .request((id, call) -> rest.cancelPurgingSession(call.token(), id, call.requestId(), call.maxAnswer()))
                .vendorErrors(VendorGateway::stateConflict)
                .answer(VendorGateway::unlessRefused));
        // PUT rest/v1/signers  (a write: not retried; its answer, UpdateSignersView, is undocumented)
        this.updateSigners = pipeline.declare(VendorOperation.<VendorUpdateSignersRequest, Boolean>named("UpdateSigners")
                .withToken().timeLimit(settings.timeout()).breaker(sessionCalls).rateLimited().maxAnswer(maxAnswer)
                .request((update, call) -> rest.updateSigners(call.token(), call.requestId(), update, call.maxAnswer()))
                .vendorErrors(VendorGateway::unknownSession)
                .answer(VendorGateway::unlessRefused));
        // Downloads: their answers, documents and all, are spooled as they arrive. They have a breaker of their own
        // (a session too large to fetch must not pause the other session calls), take an upload slot as large
        // transfers do, and are not retried here (a retry fetches everything again: the caller decides).
        Breaker downloads = Breaker.of(DOWNLOADS_BREAKER, "document downloads", upstream.circuitBreaker());
        // GetSessionFiles at esign.vendor.paths.session-files (undocumented)
        this.sessionFiles = pipeline.declare(VendorOperation.<String, DocumentContent>named("GetSessionFiles")
                .withToken().timeLimit(vendor.downloads().timeout()).breaker(downloads).rateLimited().uploadSlots()
                .maxAnswer(vendor.downloads().maxAnswerSize().asLongValue())
                .request((id, call) -> rest.sessionFiles(call.token(), id, call.requestId(), call.maxAnswer(),
                        spool::spooler))
                .vendorErrors(VendorGateway::unknownSession)
                .answer(VendorAnswer::spooled));
        // GET rest/v1/signer/docs/{username}/{signingSessionId}/{signerId}/{pageNumber}/{pageSize}
        this.signerDocuments = pipeline.declare(VendorOperation.<SignerDocumentsQuery, DocumentContent>named("GetSignerDocuments")
                .withToken().timeLimit(vendor.downloads().timeout()).breaker(downloads).rateLimited().uploadSlots()
                .maxAnswer(vendor.downloads().maxAnswerSize().asLongValue())
                .request((query, call) -> rest.signerDocuments(call.token(), query.owner(), query.sessionId(),
                        query.signerId(), query.page(), query.pageSize(), call.requestId(), call.maxAnswer(),
                        spool::spooler))
                .vendorErrors(VendorGateway::unknownSession)
                .answer(VendorAnswer::spooled));
    }

    /** A session the vendor does not have, else a refusal because of the session's state (purges). */
    private static VendorFailure stateConflict(String vendorMessage) {
        return unknownSession(vendorMessage) == VendorFailure.NOT_FOUND ? VendorFailure.NOT_FOUND : VendorFailure.CONFLICT;
    }

    /**
     * An answer whose shape is undocumented (the purges'): done unless it says no — {@code False} as its
     * {@code ReturnValue} or as the whole body, as text or as a JSON boolean, in any case.
     */
    static boolean unlessRefused(VendorAnswer answer) {
        JsonNode body = answer.body();
        JsonNode value = body.isObject() ? body.path("ReturnValue") : body;
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return !value.isTextual() || !value.textValue().strip().equalsIgnoreCase("false");
    }

    /** An {@code "Error: …"} about a session the vendor does not have; any other is a refusal of the content. */
    private static VendorFailure unknownSession(String vendorMessage) {
        String lower = vendorMessage.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("not found") || lower.contains("does not exist") || lower.contains("invalid session")
                || lower.contains("no session") ? VendorFailure.NOT_FOUND : VendorFailure.REJECTED;
    }

    public Uni<Answered<SessionDetails>> getSession(String sessionId, String requestId, Deadline deadline) {
        return call(getSession, sessionId, requestId, deadline);
    }

    public Uni<SessionSummaries> listSessions(SessionQuery query, String requestId, Deadline deadline) {
        return call(listSessions, query, requestId, deadline).map(Answered::value);
    }

    /** Whether the vendor says it cancelled the session ({@code ReturnValue} True). */
    public Uni<Boolean> cancelSession(Cancellation cancellation, String requestId, Deadline deadline) {
        return call(cancelSession, cancellation, requestId, deadline).map(Answered::value);
    }

    /** Whether the vendor took the purge (PurgeSessionDocs). */
    public Uni<Boolean> purgeSessionDocs(Purge purge, String requestId, Deadline deadline) {
        return call(purgeSessionDocs, purge, requestId, deadline).map(Answered::value);
    }

    /** Whether the vendor called the waiting purge off (CancelPurgingSession). */
    public Uni<Boolean> cancelPurging(String sessionId, String requestId, Deadline deadline) {
        return call(cancelPurging, sessionId, requestId, deadline).map(Answered::value);
    }

    /** Whether the vendor took the signers as given (Update Signers). */
    public Uni<Boolean> updateSigners(VendorUpdateSignersRequest update, String requestId, Deadline deadline) {
        return call(updateSigners, update, requestId, deadline).map(Answered::value);
    }

    /**
     * The files of a session (GetSessionFiles), decoded into temporary files on a worker thread; the caller releases
     * them. An answer with no file in it, or one that cannot be read, is a bad answer.
     */
    public Uni<List<SessionFile>> sessionFiles(String sessionId, String requestId, Deadline deadline) {
        return files(sessionFiles, call(sessionFiles, sessionId, requestId, deadline)).map(files -> {
            if (files.isEmpty()) {
                throw new VendorException(VendorFailure.BAD_ANSWER, "The vendor's GetSessionFiles answer holds no file.");
            }
            return files;
        });
    }

    /** One page of what a signer uploaded (GetSignerDocuments), decoded as {@link #sessionFiles} is; may be empty. */
    public Uni<List<SessionFile>> signerDocuments(SignerDocumentsQuery query, String requestId, Deadline deadline) {
        return files(signerDocuments, call(signerDocuments, query, requestId, deadline));
    }

    /** The files in a spooled answer, read on a worker thread; the answer's own file goes once read. */
    private Uni<List<SessionFile>> files(VendorOperation<?, DocumentContent> operation,
            Uni<Answered<DocumentContent>> answered) {
        return answered.map(Answered::value).emitOn(Infrastructure.getDefaultWorkerPool()).map(answer -> {
            try {
                return filesReader.read(answer, spool::spooler);
            } catch (DocumentSpool.SpoolFullException full) {
                throw new VendorException(VendorFailure.BUSY, "The gateway has no room for the vendor's "
                        + operation.name() + " answer in its temporary files right now; retry shortly.",
                        java.time.Duration.ofSeconds(5));
            } catch (SessionFilesReader.UnreadableFilesException unreadable) {
                throw new VendorException(VendorFailure.BAD_ANSWER,
                        "The vendor's " + operation.name() + " answer cannot be read: " + unreadable.getMessage() + ".");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("The vendor's files could not be spooled", e);
            } finally {
                answer.release();
            }
        });
    }

    public Uni<Boolean> sendInvites(Invitations invitations, String requestId, Deadline deadline) {
        return call(sendInvites, invitations, requestId, deadline).map(Answered::value);
    }

    /** The token of one signer's invitation (GetSignerInviteToken). */
    public Uni<String> signerToken(String signerId, String requestId, Deadline deadline) {
        return call(signerToken, signerId, requestId, deadline).map(Answered::value);
    }

    public Uni<ActionLog> actionLog(String sessionId, String requestId, Deadline deadline) {
        return call(actionLog, sessionId, requestId, deadline).map(Answered::value);
    }

    public Uni<Answered<SessionCreated>> createSession(VendorCreateSessionRequest request, String requestId,
            Deadline deadline) {
        return call(createSession, request, requestId, deadline);
    }

    /** The landing URL the continue link is built on: configured, or fetched once per TTL. */
    public Uni<String> landingUrl(String requestId, Deadline deadline) {
        if (vendor.landingUrl().isPresent()) {
            return Uni.createFrom().item(vendor.landingUrl().get());
        }
        // Fetched once for all who ask at the time, within its own limits; each waits only until its own deadline.
        Uni<String> shared = landingUrls.getAsync("landing-url",
                key -> call(landingUrl, null, requestId, Deadline.none()).map(Answered::value));
        return CallerContext.resume(deadline.bound(shared,
                () -> deadline.exceeded("while waiting for the vendor's landing URL")));
    }

    private <A, T> Uni<Answered<T>> call(VendorOperation<A, T> operation, A argument, String requestId,
            Deadline deadline) {
        return Uni.createFrom().deferred(() -> withToken(operation, argument, requestId, deadline, false));
    }

    private <A, T> Uni<Answered<T>> withToken(VendorOperation<A, T> operation, A argument, String requestId,
            Deadline deadline, boolean repeated) {
        // The shared token fetch has its own limits and goes on for others; this request waits only until its deadline.
        Uni<VendorToken> held = CallerContext.resume(deadline.bound(tokens.token(requestId),
                () -> deadline.exceeded("while waiting for a vendor token; "
                        + operation.name() + " was not sent")));
        return held.chain(token -> pipeline.run(operation, argument, token.value(), requestId, deadline)
                .map(value -> new Answered<>(value, token))
                .onFailure(failure -> VendorException.is(failure, VendorFailure.TOKEN_REFUSED)).recoverWithUni(refused -> {
                    tokens.reject(token);
                    return repeated ? Uni.createFrom().failure(refused)
                            : withToken(operation, argument, requestId, deadline, true);
                }));
    }
}
