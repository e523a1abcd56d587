package com.esigngateway.session;

import java.util.Map;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Where a Bean Validation violation is, written as callers see the JSON: {@code signers[0].mergeFields[Phone]}. */
public final class ViolationPaths {

    private ViolationPaths() {
    }

    /**
     * {@code documents[0].content}, {@code ccRecipients[1]}, {@code signers[0].mergeFields[Phone]}; a method
     * parameter is named by {@code parameters} (by its Java name), or by its Java name when they do not know it.
     */
    public static String of(Path path, Map<String, String> parameters) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                return parameters.getOrDefault(node.getName(), node.getName());
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
