package com.esigngateway.api.problem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.esigngateway.api.generated.SigningSessionsApi;
import com.esigngateway.api.model.Violation;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.observability.RequestIds;
import com.esigngateway.session.SessionFailure;
import com.esigngateway.session.ViolationPaths;
import com.esigngateway.vendor.answer.VendorException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every exception that reaches the REST layer into a problem. Messages are written here, never
 * copied from the exception, so that no input value (which may be a password or document bytes) and
 * no internal detail is echoed.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final GatewayMetrics metrics;
    private final VendorProblems vendorProblems;

    public ProblemMappers(GatewayMetrics metrics, VendorProblems vendorProblems) {
        this.metrics = metrics;
        this.vendorProblems = vendorProblems;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        e.type().rejection().ifPresent(metrics::rejected);
        return ProblemResponses.of(e, requestId(headers));
    }

    @ServerExceptionMapper
    public Response session(SessionFailure e, HttpHeaders headers) {
        ProblemType type = SessionProblems.typeOf(e);
        type.rejection().ifPresent(metrics::rejected);
        return ProblemResponses.builder(type, e.getMessage(), e.violations(), requestId(headers),
                e.retryAfter().orElse(null)).build();
    }

    @ServerExceptionMapper
    public Response vendor(VendorException e, HttpHeaders headers) {
        ProblemType type = vendorProblems.typeOf(e);
        type.rejection().ifPresent(metrics::rejected);
        if (type == ProblemType.VENDOR_ERROR) {
            // the detail is the caller's too (no secrets in it); the underlying failure is named by its type only
            LOG.warnf("Request %s: %s [%s%s]", requestId(headers), e.getMessage(), e.kind(),
                    e.underlying().map(u -> ", " + u).orElse(""));
        }
        return vendorProblems.problem(e, requestId(headers)).build();
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, HttpHeaders headers) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Violation().field(ViolationPaths.of(violation.getPropertyPath(), SigningSessionsApi.PARAMETER_NAMES)).message(violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::getField));
        return invalid(violations, headers);
    }

    /** A parameter that could not even be converted (a page that is not an integer): named as the caller sent it. */
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpHeaders headers,
            org.jboss.resteasy.reactive.server.SimpleResourceInfo resource, jakarta.ws.rs.core.UriInfo uri) {
        return invalid(List.of(ParameterViolations.of(e, resource, uri, headers)), headers);
    }

    /** Any other validation failure is a defect in a constraint, not in the request. */
    @ServerExceptionMapper
    public Response validationDefect(jakarta.validation.ValidationException e, HttpHeaders headers) {
        return unexpected(e, headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers) {
        return ProblemResponses.of(BindingProblems.notJson(e.getLocation()), requestId(headers));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
        return invalid(List.of(bindingViolation(e)), headers);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, HttpHeaders headers) {
        return invalid(List.of(bindingViolation(e)), headers);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers) {
        if (causedBySpoolFull(e)) {
            return spoolFull(headers);
        }
        return invalid(List.of(bindingViolation(e)), headers);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, HttpHeaders headers) {
        return problem(ProblemType.INVALID_REQUEST, "The body could not be read as JSON.",
                List.of(), requestId(headers), null).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        // Quarkus REST wraps some Jackson failures (malformed JSON, bad enum values) in a plain 400.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, headers);
        }
        if (causedBySpoolFull(e)) {
            return spoolFull(headers);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return invalid(List.of(bindingViolation(mapping)), headers);
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (type == null) {
            return unexpected(e, headers);
        }
        String detail = switch (type) {
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This API answers with application/json and application/problem+json only.";
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not support the method.";
            default -> type.title() + ".";
        };
        Response.ResponseBuilder builder = problem(type, detail, List.of(), requestId(headers), null);
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper({io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.UnauthorizedException.class})
    public Response unauthorized(RuntimeException e, HttpHeaders headers) {
        return problem(ProblemType.UNAUTHORIZED,
                "Present this service's API key in X-API-Key or as Authorization: Bearer <key>.", List.of(),
                requestId(headers), null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"esign-gateway\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers) {
        return problem(ProblemType.FORBIDDEN, "This client's roles do not allow this.", List.of(),
                requestId(headers), null).build();
    }

    /** The body could not be read, almost always because the caller went away mid-request: not our bug. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, HttpHeaders headers) {
        if (causedBySpoolFull(e)) {
            return spoolFull(headers);
        }
        LOG.debugf("Request %s: the body could not be read (%s)", requestId(headers), e.getClass().getSimpleName());
        return problem(ProblemType.INVALID_REQUEST, "The request body could not be read to its end.", List.of(),
                requestId(headers), null).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        String requestId = requestId(headers);
        LOG.errorf(e, "Unexpected error answering request %s", requestId);
        return problem(ProblemType.INTERNAL_ERROR,
                "The gateway failed unexpectedly; please report request id " + requestId + ".", List.of(), requestId,
                null).build();
    }

    private static boolean causedBySpoolFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.esigngateway.document.DocumentSpool.SpoolFullException) {
                return true;
            }
        }
        return false;
    }

    private Response spoolFull(HttpHeaders headers) {
        return problem(ProblemType.GATEWAY_BUSY,
                "Too many large documents are in flight (esign.gateway.spool-capacity); retry shortly.", List.of(),
                requestId(headers), Duration.ofSeconds(5)).build();
    }

    private Response invalid(List<Violation> violations, HttpHeaders headers) {
        String detail = violations.size() == 1 ? "The request has 1 invalid field."
                : "The request has " + violations.size() + " invalid fields.";
        return problem(ProblemType.INVALID_REQUEST, detail, violations, requestId(headers), null).build();
    }

    private Response.ResponseBuilder problem(ProblemType type, String detail, List<Violation> violations,
            String requestId, Duration retryAfter) {
        type.rejection().ifPresent(metrics::rejected);
        return ProblemResponses.builder(type, detail, violations, requestId, retryAfter);
    }

    static Violation bindingViolation(JsonMappingException e) {
        return BindingProblems.violation(e, null);
    }

    /** The id of the request these headers belong to; the request id filter has made sure there is one. */
    static String requestId(HttpHeaders headers) {
        return headers == null ? null : headers.getHeaderString(RequestIds.HEADER);
    }
}
