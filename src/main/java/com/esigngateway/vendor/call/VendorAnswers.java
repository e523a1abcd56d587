package com.esigngateway.vendor.call;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.esigngateway.vendor.answer.VendorAnswer;
import com.esigngateway.vendor.answer.VendorException;
import com.esigngateway.vendor.answer.VendorFailure;
import com.esigngateway.vendor.rest.AnswerTooLargeException;
import com.esigngateway.vendor.rest.VendorResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Classifies every vendor answer into a success or one of the vendor's {@link VendorFailure failure kinds}. The
 * vendor documents no HTTP codes and reports errors as {@code "Error: …"} text, sometimes with HTTP 200, and an
 * expired token as a null result, so the body decides more often than the status. What is the same for every
 * operation is here; what differs (what an error text or an empty result means, how a success is read) is the
 * operation's declaration.
 */
final class VendorAnswers {

    private static final int MAX_VENDOR_MESSAGE = 500;
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final ObjectMapper mapper;

    VendorAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> T classify(VendorOperation<?, T> operation, VendorResponse response) {
        try {
            return classifyAnswer(operation, response);
        } catch (RuntimeException failure) {
            response.release();
            throw failure;
        }
    }

    private <T> T classifyAnswer(VendorOperation<?, T> operation, VendorResponse response) {
        int status = response.status();
        if (status == 429) {
            throw new VendorException(VendorFailure.THROTTLED, "The vendor is throttling this gateway.",
                    retryAfter(response).orElse(DEFAULT_RETRY_AFTER));
        }
        if (status >= 500) {
            throw new VendorException(VendorFailure.BAD_ANSWER,
                    "The vendor's " + operation.name + " answered HTTP " + status + ".");
        }
        if (operation.usesToken && (status == 401 || status == 403)) {
            throw VendorException.tokenRefused("HTTP " + status);
        }
        String text = response.body();
        // a download too large to be an error text: its reader takes it from the spool
        JsonNode body = text == null && response.spooled() != null ? mapper.createObjectNode() : parse(text);
        String error = errorText(body, text);
        if (error != null) {
            throw vendorError(operation, error);
        }
        if (status == 413) {
            throw new VendorException(VendorFailure.REJECTED, "The vendor refused the documents as too large (HTTP 413).");
        }
        if (status == 401 || status == 403) {
            throw VendorException.credentialsRefused("HTTP " + status);
        }
        if (status == 404) {
            throw new VendorException(VendorFailure.UNEXPECTED_REFUSAL, "The vendor has no " + operation.name
                    + " endpoint at the configured address (HTTP 404); check ESIGN_VENDOR_URL.");
        }
        if (status >= 300) {
            throw new VendorException(VendorFailure.UNEXPECTED_REFUSAL,
                    "The vendor's " + operation.name + " answered HTTP " + status + ".");
        }
        if (body == null) {
            throw new VendorException(VendorFailure.BAD_ANSWER, "The vendor's " + operation.name + " answer is not JSON.");
        }
        if (body.isNull() || body.isMissingNode()) {
            throw VendorException.emptyResult(operation.name, operation.emptyResult);
        }
        return operation.answer.apply(new VendorAnswer(operation.name, body, operation.emptyResult, response.spooled()));
    }

    /** A failure of the call itself: no connection, a broken connection, a read timeout, an answer too large. */
    static VendorException fromFailure(String operation, Throwable failure, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof VendorException vendor) {
                return vendor;
            }
            if (t instanceof com.esigngateway.document.DocumentSpool.SpoolFullException) {
                return new VendorException(VendorFailure.BUSY, "The gateway has no room for the vendor's " + operation
                        + " answer in its temporary files right now; retry shortly.", DEFAULT_RETRY_AFTER);
            }
            if (t instanceof AnswerTooLargeException tooLarge) {
                return new VendorException(VendorFailure.BAD_ANSWER, "The vendor's " + operation + " answer is larger than "
                        + tooLarge.limit() + " bytes; it was not read to its end.");
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return new VendorException(VendorFailure.UNREACHABLE, "The vendor cannot be reached.", DEFAULT_RETRY_AFTER);
            }
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return timeout(timeout);
            }
            if (t instanceof IOException || t instanceof io.vertx.core.VertxException) {
                return VendorException.connectionLost(t);
            }
        }
        return VendorException.connectionLost(failure);
    }

    static VendorException timeout(Duration limit) {
        return new VendorException(VendorFailure.TIMEOUT, "The vendor did not answer within " + limit.toMillis() + " ms.");
    }

    /** The default meaning of an {@code "Error: …"} answer: the vendor refused the content, in its own words. */
    static VendorFailure contentError(String vendorMessage) {
        return VendorFailure.REJECTED;
    }

    private static VendorException vendorError(VendorOperation<?, ?> operation, String error) {
        String message = error.length() > MAX_VENDOR_MESSAGE ? error.substring(0, MAX_VENDOR_MESSAGE) + "…" : error;
        String lower = message.toLowerCase(Locale.ROOT);
        boolean tokenProblem = lower.contains("invalid token") || lower.contains("bad token")
                || lower.contains("token has expired") || lower.contains("token expired");
        boolean credentialProblem = lower.contains("invalid api key") || lower.contains("invalid user account");
        if (tokenProblem && operation.usesToken) {
            return VendorException.tokenRefused(message);
        }
        if (tokenProblem || credentialProblem) {
            return VendorException.credentialsRefused(message);
        }
        VendorFailure kind = operation.vendorErrors.apply(message);
        return switch (kind) {
            case REJECTED, NOT_FOUND, CONFLICT -> new VendorException(kind, message);
            default -> new VendorException(kind, "The vendor's " + operation.name + " failed: " + message);
        };
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
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

    private static Optional<Duration> retryAfter(VendorResponse response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
