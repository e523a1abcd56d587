package com.esigngateway.api.problem;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;

/** Field paths in the form callers see in violations: {@code signers[1].authentication.method}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<Reference> references) {
        StringBuilder path = new StringBuilder();
        for (Reference reference : references) {
            if (reference.getFieldName() != null && reference.getFrom() instanceof Map) {
                path.append('[').append(reference.getFieldName()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String child(String parent, String name) {
        if (parent.equals(name) || parent.endsWith("." + name)) {
            return parent;
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String enumValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String describe(Class<?> type) {
        if (type == byte[].class) {
            return "base64 text";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "an RFC 3339 date-time such as 2026-12-31T17:00:00Z";
        }
        if (Map.class.isAssignableFrom(type) || type.getName().startsWith("com.esigngateway.api.model.")) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
