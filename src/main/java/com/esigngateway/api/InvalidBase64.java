package com.esigngateway.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Lets a document whose {@code content} is not valid base64 through JSON binding as a marker, so that
 * the request validator reports it together with every other violation instead of Jackson stopping at
 * the first one.
 */
@Singleton
public class InvalidBase64 implements ObjectMapperCustomizer {

    /** The value bound in place of undecodable base64; compared by identity. */
    public static final byte[] MARKER = new byte[0];

    public static boolean isMarker(byte[] content) {
        return content == MARKER;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                    String failureMsg) throws IOException {
                return targetType == byte[].class ? MARKER : NOT_HANDLED;
            }
        });
    }
}
