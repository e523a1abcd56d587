package com.esigngateway.vendor;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Classifies every vendor answer (DESIGN §3): a success, a token problem (refresh and retry once), a
 * content problem (422 with the vendor's words) or a vendor failure (502/503/504). The vendor documents
 * no HTTP codes and reports errors as {@code "Error: …"} text, sometimes with HTTP 200, and an expired
 * token as a null result, so the body decides more often than the status.
 */
@ApplicationScoped
public class VendorAnswers {

    enum Operation {
        ENCRYPT("EncryptString"), GET_TOKEN("GetToken"), CREATE_SESSION("CreateSession"), LANDING_URL("GetLandingURL");

        final String vendorName;

        Operation(String vendorName) {
            this.vendorName = vendorName;
        }

        boolean usesToken() {
            return this == CREATE_SESSION || this == LANDING_URL;
        }

        String metricName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final int MAX_VENDOR_MESSAGE = 500;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final ObjectMapper mapper;

    public VendorAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The {@code ReturnValue} of a RequestResponse (an encrypted key, a token, a landing URL). */
    String returnValue(Operation operation, RestResponse<String> response) {
        JsonNode body = readBody(operation, response);
        if (body.isTextual()) {
            return body.asText();
        }
        JsonNode value = body.path("ReturnValue");
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText();
        }
        if (body.isObject() && (value.isMissingNode() || value.isNull() || value.asText().isBlank())) {
            throw emptyResult(operation);
        }
        throw VendorException.badAnswer("The vendor's " + operation.vendorName + " answer has no usable ReturnValue.");
    }

    VendorSessionCreated session(RestResponse<String> response) {
        JsonNode body = readBody(Operation.CREATE_SESSION, response);
        String id = text(body, "SigningSessionId", "SigningSessionID", "signingSessionId");
        if (id == null && body.isTextual() && !body.asText().isBlank()) {
            id = body.asText();
        }
        if (id == null) {
            if (body.isObject() && !body.has("SigningSessionId")) {
                throw VendorException.badAnswer("The vendor's CreateSession answer has no SigningSessionId.");
            }
            throw emptyResult(Operation.CREATE_SESSION);
        }
        return new VendorSessionCreated(id, signerIds(body));
    }

    /** A failure of the call itself: no connection, a broken connection, a read timeout. */
    static VendorException fromFailure(Throwable failure, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof VendorException vendor) {
                return vendor;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return VendorException.unreachable(DEFAULT_RETRY_AFTER);
            }
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return VendorException.timeout(timeout);
            }
            if (t instanceof IOException || t instanceof io.vertx.core.VertxException) {
                return VendorException.connectionLost();
            }
        }
        return VendorException.connectionLost();
    }

    private JsonNode readBody(Operation operation, RestResponse<String> response) {
        int status = response.getStatus();
        String text = text(response);
        if (status == 429) {
            throw VendorException.throttled(retryAfter(response).orElse(DEFAULT_RETRY_AFTER));
        }
        if (status >= 500) {
            throw VendorException.badAnswer("The vendor's " + operation.vendorName + " answered HTTP " + status + ".");
        }
        if (operation.usesToken() && (status == 401 || status == 403)) {
            throw new VendorTokenRejectedException("HTTP " + status);
        }
        JsonNode body = parse(text);
        String error = errorText(body, text);
        if (error != null) {
            throw classifyError(operation, error);
        }
        if (status == 413) {
            throw VendorException.rejected("The vendor refused the documents as too large (HTTP 413).");
        }
        if (status == 401 || status == 403) {
            throw VendorException.credentialsRejected("HTTP " + status);
        }
        if (status == 404) {
            throw VendorException.unexpectedRefusal("The vendor has no " + operation.vendorName
                    + " endpoint at the configured address (HTTP 404); check ESIGN_VENDOR_URL.");
        }
        if (status >= 300) {
            throw VendorException.unexpectedRefusal("The vendor's " + operation.vendorName + " answered HTTP " + status + ".");
        }
        if (body == null) {
            throw VendorException.badAnswer("The vendor's " + operation.vendorName + " answer is not JSON.");
        }
        if (body.isNull() || body.isMissingNode()) {
            throw emptyResult(operation);
        }
        return body;
    }

    /**
     * The answer's text. The REST client hands over a success body as a String but leaves an error
     * status's body as an unread stream (it is already in memory, so reading it does not block).
     */
    private static String text(RestResponse<String> response) {
        Object entity = ((jakarta.ws.rs.core.Response) response.toResponse()).getEntity();
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        if (entity instanceof java.io.InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
        return String.valueOf(entity);
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** {@code "Error: …"} as plain text, as a JSON string, or inside a RequestResponse field. */
    private static String errorText(JsonNode body, String raw) {
        if (body == null) {
            String trimmed = raw == null ? "" : raw.strip();
            return isError(trimmed) ? trimmed : null;
        }
        if (body.isTextual()) {
            return isError(body.asText()) ? body.asText() : null;
        }
        for (String field : new String[] {"ReturnValue", "Details", "Message", "ErrorMessage", "Error"}) {
            JsonNode value = body.path(field);
            if (value.isTextual() && isError(value.asText())) {
                return value.asText();
            }
            if (value.isArray()) {
                for (JsonNode item : value) {
                    if (item.isTextual() && isError(item.asText())) {
                        return item.asText();
                    }
                }
            }
        }
        return null;
    }

    private static boolean isError(String text) {
        return text.regionMatches(true, 0, "Error:", 0, 6);
    }

    private static VendorException classifyError(Operation operation, String error) {
        String message = error.length() > MAX_VENDOR_MESSAGE ? error.substring(0, MAX_VENDOR_MESSAGE) + "…" : error;
        String lower = message.toLowerCase(Locale.ROOT);
        boolean tokenProblem = lower.contains("invalid token") || lower.contains("bad token")
                || lower.contains("token has expired") || lower.contains("token expired");
        boolean credentialProblem = lower.contains("invalid api key") || lower.contains("invalid user account");
        if (operation == Operation.GET_TOKEN || operation == Operation.ENCRYPT) {
            return tokenProblem || credentialProblem ? VendorException.credentialsRejected(message)
                    : VendorException.badAnswer("The vendor's " + operation.vendorName + " failed: " + message);
        }
        if (tokenProblem) {
            return new VendorTokenRejectedException(message);
        }
        if (credentialProblem) {
            return VendorException.credentialsRejected(message);
        }
        if (operation == Operation.LANDING_URL) {
            return VendorException.badAnswer("The vendor's GetLandingURL failed: " + message);
        }
        return VendorException.rejected(message);
    }

    private static VendorException emptyResult(Operation operation) {
        if (operation.usesToken()) {
            return new VendorTokenRejectedException("empty result");
        }
        if (operation == Operation.GET_TOKEN) {
            return VendorException.credentialsRejected("no token issued");
        }
        return VendorException.badAnswer("The vendor's " + operation.vendorName + " answered an empty result.");
    }

    private static Optional<Duration> retryAfter(RestResponse<String> response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** Signer ids from {@code Sessions[*].Signers[*]} or {@code Signers[*]}, when the vendor sends them. */
    private static Map<String, String> signerIds(JsonNode body) {
        Map<String, String> ids = new HashMap<>();
        collectSigners(body.path("Signers"), ids);
        for (JsonNode session : body.path("Sessions")) {
            collectSigners(session.path("Signers"), ids);
        }
        collectSigners(body.path("Session").path("Signers"), ids);
        return ids;
    }

    private static void collectSigners(JsonNode signers, Map<String, String> ids) {
        for (JsonNode signer : signers) {
            String email = text(signer, "EmailAddress", "Email");
            String id = text(signer, "SignerId", "SignerID", "Id");
            if (email != null && id != null) {
                ids.putIfAbsent(email.toLowerCase(Locale.ROOT), id);
            }
        }
    }
}
