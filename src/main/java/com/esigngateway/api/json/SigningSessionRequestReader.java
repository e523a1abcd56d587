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

import com.esigngateway.api.body.RequestBodySpool;
import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.document.Base64Padding;
import com.esigngateway.document.DocumentContentDeserializer;
import com.esigngateway.document.DocumentSpool;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads {@code POST /v1/signing-sessions} bodies with {@link StrictJson}, in place of Quarkus REST's general Jackson
 * reader: exactly one JSON object, nothing after it, and a failure becomes a problem that names the field without
 * quoting Jackson (whose messages carry the input) and without a cause that a log line could print.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class SigningSessionRequestReader implements ServerMessageBodyReader<CreateSigningSessionRequest> {

    private final ObjectReader reader;

    public SigningSessionRequestReader(ObjectMapper mapper) {
        this.reader = StrictJson.from(mapper).readerFor(CreateSigningSessionRequest.class);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo lazyMethod,
            MediaType mediaType) {
        return type == CreateSigningSessionRequest.class;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == CreateSigningSessionRequest.class;
    }

    @Override
    public CreateSigningSessionRequest readFrom(Class<CreateSigningSessionRequest> type, Type genericType,
            MediaType mediaType, ServerRequestContext context) throws IOException {
        InputStream body = context.getInputStream();
        if (body instanceof ParsedAhead parsed) {
            return parsed.get();
        }
        return read(body);
    }

    /**
     * Parses a creation's body now, on the calling thread (a worker: the body is in a file), into a stream that stands
     * for the outcome: set as the request's entity stream, {@link #readFrom} hands it to the resource method, which
     * runs on the event loop.
     */
    public InputStream parseAhead(InputStream body) {
        try {
            return new ParsedAhead(read(body), null);
        } catch (IOException | RuntimeException e) {
            return new ParsedAhead(null, e);
        }
    }

    private static final class ParsedAhead extends InputStream {
        private final CreateSigningSessionRequest request;
        private final Exception failure;

        ParsedAhead(CreateSigningSessionRequest request, Exception failure) {
            this.request = request;
            this.failure = failure;
        }

        CreateSigningSessionRequest get() throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            return request;
        }

        @Override
        public int read() {
            return -1;
        }
    }

    @Override
    public CreateSigningSessionRequest readFrom(Class<CreateSigningSessionRequest> type, Type genericType,
            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
            throws IOException {
        return read(body);
    }

    private CreateSigningSessionRequest read(InputStream body) throws IOException {
        if (body instanceof RequestBodySpool.HeldInMemory held && held.hasArray()) {
            // parsed in place; closing it gives its memory back, as the parser closing its stream does otherwise
            try (held) {
                ObjectReader inPlace = reader.withAttribute(DocumentContentDeserializer.InPlace.class,
                        new DocumentContentDeserializer.InPlace(held.array(), held.offset()));
                return read(inPlace, () -> inPlace.createParser(held.array(), held.offset(), held.length()));
            }
        }
        Base64Padding.Watch watched = new Base64Padding.Watch(body);
        ObjectReader watching = reader.withAttribute(Base64Padding.Watch.class, watched);
        return read(watching, () -> watching.createParser(watched));
    }

    private CreateSigningSessionRequest read(ObjectReader using, StrictJson.ParserSource source) throws IOException {
        // no body is null: the validator reports it with the request's other problems
        return StrictJson.readOne(using, source, SigningSessionRequestReader::spoolFull);
    }

    private static IOException spoolFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DocumentSpool.SpoolFullException full) {
                return full;
            }
        }
        return null;
    }
}
