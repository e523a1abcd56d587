package com.esigngateway.api.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import com.esigngateway.api.model.SignerCorrection;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads a signer's correction, a JSON merge patch (RFC 7396), sent as {@code application/merge-patch+json} or
 * {@code application/json}, with {@link StrictJson} as the creation's body is read: one JSON object, nothing after
 * it, no {@code null}, and a failure that names the field without quoting the input.
 */
@Provider
@Consumes({SignerCorrectionReader.MERGE_PATCH, MediaType.APPLICATION_JSON})
public class SignerCorrectionReader implements ServerMessageBodyReader<SignerCorrection> {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final ObjectReader reader;

    public SignerCorrectionReader(ObjectMapper mapper) {
        this.reader = StrictJson.from(mapper).readerFor(SignerCorrection.class);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo lazyMethod,
            MediaType mediaType) {
        return type == SignerCorrection.class;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SignerCorrection.class;
    }

    @Override
    public SignerCorrection readFrom(Class<SignerCorrection> type, Type genericType, MediaType mediaType,
            ServerRequestContext context) throws IOException {
        return read(context.getInputStream());
    }

    @Override
    public SignerCorrection readFrom(Class<SignerCorrection> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return read(body);
    }

    private SignerCorrection read(InputStream body) throws IOException {
        return StrictJson.readOne(reader, () -> reader.createParser(body), failure -> null);
    }
}
