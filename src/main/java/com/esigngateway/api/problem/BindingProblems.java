package com.esigngateway.api.problem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.esigngateway.api.model.Violation;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * A body Jackson could not bind, as a 400 problem that names the field. Jackson's own messages quote the
 * offending input (a password sent where an enum value belongs, say), so they are never used: the problem is
 * written here, and it carries no cause, so that nothing which logs it (Quarkus REST logs a failed
 * deserialization at DEBUG) can print the input either.
 */
public final class BindingProblems {

    private BindingProblems() {
    }

    /**
     * @param e what Jackson threw
     * @param where the parser's position when it threw (its context names the offending member), may be null
     */
    public static ProblemException of(JacksonException e, JsonStreamContext where) {
        StreamReadException read = causeOf(e, StreamReadException.class);
        if (causeOf(e, StreamConstraintsException.class) != null) {
            return invalid("$", "exceeds a limit of this gateway's JSON parser (nesting depth, number or name length)");
        }
        if (read != null && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field")) {
            return invalid(where == null ? "$" : pathOf(where), "appears more than once in its object");
        }
        if (read instanceof InputCoercionException && !(e instanceof JsonMappingException)) {
            return invalid(where == null ? "$" : pathOf(where), "is out of range for a 32-bit integer");
        }
        if (read != null && !(read instanceof InputCoercionException)) {
            return notJson(read.getLocation());
        }
        if (e instanceof JsonMappingException mapping) {
            Violation violation = violation(mapping, where);
            return invalid(violation.getField(), violation.getMessage());
        }
        return notJson(null);
    }

    /** More after the one JSON value a body may hold: trailing garbage or a second object. */
    public static ProblemException trailingContent() {
        return invalid("$", "must be one JSON object, with nothing after it");
    }

    /** Bytes that are not JSON text at all, such as an encoding the parser cannot read. */
    public static ProblemException notJson(JsonLocation location) {
        String where = location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new ProblemException(ProblemType.INVALID_REQUEST, "The body is not well-formed JSON" + where + ".",
                List.of(new Violation().field("$").message("is not well-formed JSON" + where)));
    }

    /** A violation for a value Jackson could not bind; the value itself is never repeated. */
    static Violation violation(JsonMappingException e, JsonStreamContext where) {
        String field = JsonPaths.of(e.getPath());
        String message;
        if (e instanceof InvalidNullException) {
            field = where == null ? field : pathOf(where);
            message = "must not be null (leave an optional field out instead)";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = JsonPaths.child(field, unknown.getPropertyName());
            message = "is not a known field";
        } else if (causeOf(e, InputCoercionException.class) != null) {
            message = "is out of range for a 32-bit integer";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + JsonPaths.enumValues(invalid.getTargetType());
        } else if (e instanceof ValueInstantiationException instantiation && instantiation.getType() != null
                && instantiation.getType().isEnumType()) {
            message = "must be one of " + JsonPaths.enumValues(instantiation.getType().getRawClass());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "must be " + JsonPaths.describe(mismatched.getTargetType());
        } else {
            message = "has the wrong type";
        }
        return new Violation().field(field.isEmpty() ? "$" : field).message(message);
    }

    /**
     * The member the parser stands on, in the violations' form: {@code signers[0].role},
     * {@code signers[0].mergeFields[Phone]} (a map key, like Bean Validation writes it), {@code ccRecipients[2]}.
     */
    static String pathOf(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.getCurrentIndex() >= 0) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                // Jackson sets the object being bound as the context's value; a map's members do not get one.
                Object bound = c.getCurrentValue();
                segments.push(bound == null || bound instanceof Map ? "[" + c.getCurrentName() + "]" : "." + c.getCurrentName());
            }
        }
        String path = String.join("", segments);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? "$" : path;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST, "The request has 1 invalid field.",
                List.of(new Violation().field(field).message(message)));
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
