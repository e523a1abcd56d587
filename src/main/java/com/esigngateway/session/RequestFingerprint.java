package com.esigngateway.session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.crypto.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A SHA-256 of a request as Jackson writes it, streamed into the digest so that even a request with
 * large documents is never copied to compute it.
 */
@ApplicationScoped
class RequestFingerprint {

    private final ObjectMapper mapper;

    RequestFingerprint(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String of(Object request) {
        MessageDigest digest = Sha256.digest();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            mapper.writeValue(out, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
