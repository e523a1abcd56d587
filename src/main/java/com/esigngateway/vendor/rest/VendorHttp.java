package com.esigngateway.vendor.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.VendorConfig;
import com.esigngateway.document.DocumentContent;
import com.esigngateway.document.DocumentSpool;
import com.esigngateway.vendor.model.VendorInviteRequest;
import com.esigngateway.vendor.model.VendorUpdateSignersRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.ReadStreamSubscriber;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * The vendor's REST endpoints the gateway uses, one method each, over Vert.x's HTTP client. The answer comes back
 * raw (status, headers, text) because the vendor reports errors as {@code "Error: …"} text, often with HTTP 200: the
 * call pipeline classifies it. {@code Authorization} carries the raw value, without a scheme, as the vendor wants it.
 * <p>
 * Vert.x's client rather than the REST client: every answer is read only up to a size the operation allows, and a
 * longer one (or an endless stream) resets the connection instead of being buffered whole, which the REST client
 * cannot do. Nothing is logged here: the EncryptString path carries the API key.
 */
@ApplicationScoped
public class VendorHttp {

    public static final String REQUEST_ID = "X-Request-Id";
    /** A download answer up to this size is also kept as text: it may be an {@code "Error: …"}. */
    public static final int ERROR_TEXT_LIMIT = 64 * 1024;
    private static final String AUTHORIZATION = "Authorization";

    private final Vertx vertx;
    private final VendorBaseUrl baseUrl;
    private final VendorConfig config;
    private final ObjectMapper mapper;
    private volatile Target target;

    /** Where the vendor is; resolved on the first call (the simulator's port is known only once the server listens). */
    private record Target(HttpClient client, String host, int port, boolean ssl, String basePath) {
    }

    VendorHttp(Vertx vertx, VendorBaseUrl baseUrl, VendorConfig config, ObjectMapper mapper) {
        this.vertx = vertx;
        this.baseUrl = baseUrl;
        this.config = config;
        this.mapper = mapper;
    }

    public Uni<VendorResponse> encrypt(String plainText, String salt, String requestId, long maxAnswer) {
        return send(HttpMethod.GET, "rest/v1/encrypt/" + segment(plainText) + "/" + segment(salt), null, requestId,
                null, maxAnswer);
    }

    public Uni<VendorResponse> getToken(String salt, String encryptedApiKey, String requestId, long maxAnswer) {
        return send(HttpMethod.GET, "rest/v1/gettoken/" + segment(salt), encryptedApiKey, requestId, null, maxAnswer);
    }

    /** CreateSession: the body is streamed with its exact length (the vendor's .NET endpoint may not take chunks). */
    public Uni<VendorResponse> createSession(String token, String requestId, long contentLength, Multi<Buffer> body,
            long maxAnswer) {
        return send(HttpMethod.POST, "rest/v1/sessions", token, requestId, new Body(null, body, contentLength), maxAnswer);
    }

    public Uni<VendorResponse> landingUrl(String token, String requestId, long maxAnswer) {
        return send(HttpMethod.GET, "rest/v1/landingurl", token, requestId, null, maxAnswer);
    }

    public Uni<VendorResponse> getSession(String token, String sessionId, String requestId, long maxAnswer) {
        return send(HttpMethod.GET, "rest/v1/sessions/" + segment(sessionId), token, requestId, null, maxAnswer);
    }

    /** GetSessionsLiteByTransactionId: pages count from 0, at most 50 sessions each. */
    public Uni<VendorResponse> getSessionsLite(String token, String userName, String transactionId, int pageSize,
            int pageNum, String sortColumn, String sortOrder, String requestId, long maxAnswer) {
        return send(HttpMethod.GET, "rest/v1/sessions/lite/" + segment(userName) + "/" + segment(transactionId) + "/"
                + pageSize + "/" + pageNum + "/sortBy?colName=" + query(sortColumn) + "&sortOrder=" + query(sortOrder),
                token, requestId, null, maxAnswer);
    }

    /** CancelSession: a PUT with an empty body. */
    public Uni<VendorResponse> cancelSession(String token, String sessionId, String returnUrl, String requestId,
            long maxAnswer) {
        return send(HttpMethod.PUT, "rest/v1/sessions/" + segment(sessionId) + "/cancel"
                + (returnUrl == null ? "" : "?returnURL=" + query(returnUrl)), token, requestId, Body.of(new byte[0]),
                maxAnswer);
    }

    /** PurgeSessionDocs: a PUT with an empty body; {@code purgeNow} false waits the vendor's purge waiting period. */
    public Uni<VendorResponse> purgeSessionDocs(String token, String sessionId, String returnUrl, boolean purgeNow,
            String requestId, long maxAnswer) {
        return send(HttpMethod.PUT, "rest/v1/sessions/" + segment(sessionId) + "/purge?"
                + (returnUrl == null ? "" : "returnURL=" + query(returnUrl) + "&") + "purgeNow=" + purgeNow, token,
                requestId, Body.of(new byte[0]), maxAnswer);
    }

    /** CancelPurgingSession: a PUT with an empty body, only within the purge waiting period. */
    public Uni<VendorResponse> cancelPurgingSession(String token, String sessionId, String requestId, long maxAnswer) {
        return send(HttpMethod.PUT, "rest/v1/sessions/cancelPurging/" + segment(sessionId), token, requestId,
                Body.of(new byte[0]), maxAnswer);
    }

    /** Update Signers: the session's signers as they should be. */
    public Uni<VendorResponse> updateSigners(String token, String requestId, VendorUpdateSignersRequest request,
            long maxAnswer) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return send(HttpMethod.PUT, "rest/v1/signers", token, requestId, Body.of(json), maxAnswer);
    }

    public Uni<VendorResponse> sendSignerInvites(String token, String requestId, VendorInviteRequest request,
            long maxAnswer) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return send(HttpMethod.PUT, "rest/v1/signers/invite", token, requestId, Body.of(json), maxAnswer);
    }

    public Uni<VendorResponse> signerInviteToken(String token, String signerId, String requestId, long maxAnswer) {
        return send(HttpMethod.GET, "rest/v1/signers/" + segment(signerId) + "/token", token, requestId, null,
                maxAnswer);
    }

    public Uni<VendorResponse> actionLogs(String token, String sessionId, String requestId, long maxAnswer) {
        return send(HttpMethod.GET, "rest/v1/sessions/" + segment(sessionId) + "/actionlogs", token, requestId, null,
                maxAnswer);
    }

    /**
     * GetSessionFiles, at the configured path and method ({@code {id}} replaced by the session id): the answer holds
     * documents, so it goes to {@code spool} as it arrives, never whole into memory.
     */
    public Uni<VendorResponse> sessionFiles(String token, String sessionId, String requestId, long maxAnswer,
            java.util.function.Supplier<DocumentSpool.Spooler> spool) {
        String path = config.paths().sessionFiles().replace("{id}", segment(sessionId));
        HttpMethod method = HttpMethod.valueOf(config.paths().sessionFilesMethod().strip().toUpperCase(Locale.ROOT));
        Body body = method == HttpMethod.GET || method == HttpMethod.HEAD ? null : Body.of(new byte[0]);
        return send(method, path.startsWith("/") ? path.substring(1) : path, token, requestId, body, maxAnswer,
                spool);
    }

    /** GetSignerDocuments: one page of what a signer uploaded; the answer holds documents, so it goes to {@code spool}. */
    public Uni<VendorResponse> signerDocuments(String token, String owner, String sessionId, String signerId, int page,
            int pageSize, String requestId, long maxAnswer, java.util.function.Supplier<DocumentSpool.Spooler> spool) {
        return send(HttpMethod.GET, "rest/v1/signer/docs/" + segment(owner) + "/" + segment(sessionId) + "/"
                + segment(signerId) + "/" + page + "/" + pageSize, token, requestId, null, maxAnswer, spool);
    }

    /** A request body: in memory, or streamed with its exact length. */
    private record Body(Buffer bytes, Multi<Buffer> stream, long length) {
        static Body of(byte[] json) {
            return new Body(Buffer.buffer(json), null, json.length);
        }
    }

    private Uni<VendorResponse> send(HttpMethod method, String path, String authorization, String requestId,
            Body body, long maxAnswer) {
        return send(method, path, authorization, requestId, body, maxAnswer, null);
    }

    private Uni<VendorResponse> send(HttpMethod method, String path, String authorization, String requestId,
            Body body, long maxAnswer, java.util.function.Supplier<DocumentSpool.Spooler> spool) {
        return Uni.createFrom().deferred(() -> {
            Target to = target();
            RequestOptions options = new RequestOptions().setMethod(method).setHost(to.host()).setPort(to.port())
                    .setSsl(to.ssl()).setURI(to.basePath() + path).setFollowRedirects(false)
                    .putHeader("Accept", "application/json").putHeader("User-Agent", "esign-gateway");
            if (authorization != null) {
                options.putHeader(AUTHORIZATION, authorization);
            }
            if (requestId != null) {
                options.putHeader(REQUEST_ID, requestId);
            }
            if (body != null) {
                options.putHeader("Content-Type", "application/json").putHeader("Content-Length", String.valueOf(body.length()));
            }
            return to.client().request(options).chain(request -> exchange(request, body, maxAnswer, spool));
        });
    }

    private Uni<VendorResponse> exchange(HttpClientRequest request, Body body, long maxAnswer,
            java.util.function.Supplier<DocumentSpool.Spooler> spool) {
        Uni<HttpClientResponse> sent = body == null ? request.send()
                : body.bytes() != null ? request.send(body.bytes())
                : request.send(io.vertx.mutiny.core.streams.ReadStream.newInstance(
                        ReadStreamSubscriber.asReadStream(body.stream(), Buffer::getDelegate)));
        // Cancelled (the time limit, a caller gone): the request is reset, so nothing keeps running at the vendor's.
        return sent.chain(response -> spool == null ? read(response, maxAnswer) : readSpooled(response, maxAnswer, spool.get()))
                .onCancellation().invoke(() -> request.reset());
    }

    /** The whole answer, if it stays within {@code maxAnswer} bytes; beyond, the connection is reset and reading stops. */
    private static Uni<VendorResponse> read(HttpClientResponse response, long maxAnswer) {
        Map<String, String> headers = headers(response);
        if (declaredTooLarge(response, headers, maxAnswer)) {
            return Uni.createFrom().failure(new AnswerTooLargeException(maxAnswer));
        }
        return Uni.createFrom().emitter(emitter -> {
            io.vertx.core.buffer.Buffer received = io.vertx.core.buffer.Buffer.buffer();
            // Settled once: the reset below makes the connection report an exception too, which must not win.
            AtomicBoolean settled = new AtomicBoolean();
            response.handler(chunk -> {
                if (settled.get()) {
                    return;
                }
                if (received.length() + (long) chunk.length() > maxAnswer) {
                    settled.set(true);
                    emitter.fail(new AnswerTooLargeException(maxAnswer));
                    response.handler(null);
                    response.request().reset();
                    return;
                }
                received.appendBuffer(chunk.getDelegate());
            });
            response.exceptionHandler(failure -> {
                if (settled.compareAndSet(false, true)) {
                    emitter.fail(failure);
                }
            });
            response.endHandler(() -> {
                if (settled.compareAndSet(false, true)) {
                    emitter.complete(new VendorResponse(response.statusCode(), headers,
                            received.toString(StandardCharsets.UTF_8)));
                }
            });
        });
    }

    /**
     * The whole answer into {@code spooler}, within {@code maxAnswer} bytes (beyond, the connection is reset); its text
     * as well while it is small. The file work (encryption, writes) runs on a worker, one chunk after the other, while
     * the connection is paused, so the event loop never waits for the disk. Whatever ends it other than its end (too
     * large, a broken connection, a time limit or a caller gone) throws the spooled part away, on that same worker
     * queue, so that nothing is written after it.
     */
    private Uni<VendorResponse> readSpooled(HttpClientResponse response, long maxAnswer,
            DocumentSpool.Spooler spooler) {
        Map<String, String> headers = headers(response);
        if (declaredTooLarge(response, headers, maxAnswer)) {
            spooler.discard();
            return Uni.createFrom().failure(new AnswerTooLargeException(maxAnswer));
        }
        io.vertx.core.Context current = io.vertx.core.Vertx.currentContext();
        io.vertx.core.Context context = current != null ? current : vertx.getDelegate().getOrCreateContext();
        return Uni.createFrom().emitter(emitter -> {
            io.vertx.core.buffer.Buffer head = io.vertx.core.buffer.Buffer.buffer();
            long[] received = {0};
            AtomicBoolean settled = new AtomicBoolean();
            // ordered: every write, the finish and the discard run one after the other, in the order given
            java.util.function.Consumer<java.util.concurrent.Callable<Void>> onWorker = work -> context
                    .executeBlocking(work, true);
            // (chunks that still arrive are ignored by the settled flag; a response that ended takes no new handler)
            Runnable stop = () -> {
                onWorker.accept(() -> {
                    spooler.discard();
                    return null;
                });
                response.request().reset();
            };
            emitter.onTermination(() -> {
                if (settled.compareAndSet(false, true)) {
                    context.runOnContext(ignored -> stop.run()); // cancelled while the answer was arriving
                }
            });
            response.handler(chunk -> {
                if (settled.get()) {
                    return;
                }
                received[0] += chunk.length();
                if (received[0] > maxAnswer) {
                    settled.set(true);
                    stop.run();
                    emitter.fail(new AnswerTooLargeException(maxAnswer));
                    return;
                }
                byte[] bytes = chunk.getBytes();
                if (received[0] <= ERROR_TEXT_LIMIT) {
                    head.appendBytes(bytes);
                }
                response.pause();
                context.executeBlocking(() -> {
                    spooler.write(bytes, 0, bytes.length);
                    return null;
                }, true).onComplete(written -> {
                    if (written.failed()) {
                        if (settled.compareAndSet(false, true)) {
                            stop.run();
                            emitter.fail(written.cause());
                        }
                    } else if (!settled.get()) {
                        response.resume();
                    }
                });
            });
            response.exceptionHandler(failure -> {
                if (settled.compareAndSet(false, true)) {
                    stop.run();
                    emitter.fail(failure);
                }
            });
            response.endHandler(() -> {
                if (!settled.get()) {
                    context.executeBlocking(spooler::finish, true).onComplete(finished -> {
                        if (finished.failed()) {
                            if (settled.compareAndSet(false, true)) {
                                stop.run();
                                emitter.fail(finished.cause());
                            }
                        } else if (settled.compareAndSet(false, true)) {
                            emitter.complete(new VendorResponse(response.statusCode(), headers,
                                    received[0] <= ERROR_TEXT_LIMIT ? head.toString(StandardCharsets.UTF_8) : null,
                                    finished.result()));
                        } else {
                            finished.result().release(); // cancelled while it was being finished
                        }
                    });
                }
            });
        });
    }

    private static Map<String, String> headers(HttpClientResponse response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().forEach(entry -> headers.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
        return headers;
    }

    /** Whether the answer declares a length beyond {@code maxAnswer}: then the connection is reset unread. */
    private static boolean declaredTooLarge(HttpClientResponse response, Map<String, String> headers, long maxAnswer) {
        String declared = headers.get("content-length");
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > maxAnswer) {
            response.exceptionHandler(afterReset -> {
            });
            response.request().reset();
            return true;
        }
        return false;
    }

    private Target target() {
        Target resolved = target;
        if (resolved == null) {
            synchronized (this) {
                if (target == null) {
                    URI uri = baseUrl.uri().orElseThrow(() -> new IllegalStateException("esign.vendor.url is not set"));
                    boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
                    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
                    String basePath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                    HttpClient client = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                            .setSsl(ssl).setVerifyHost(true).setTrustAll(false)
                            .setKeepAlive(true).setMaxPoolSize(config.maxConnections())
                            .setDecompressionSupported(false));
                    target = new Target(client, uri.getHost(), port, ssl, basePath.endsWith("/") ? basePath : basePath + "/");
                }
                resolved = target;
            }
        }
        return resolved;
    }

    /** A path segment, percent-encoded as a URI path segment: what is not a {@code pchar} of RFC 3986. */
    static String segment(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /** A query value, percent-encoded so that it cannot end the value or the query ({@code & = + #} and the rest). */
    static String query(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
