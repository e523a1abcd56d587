package com.esigngateway.vendor.auth;

import jakarta.enterprise.context.ApplicationScoped;


import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;

/**
 * The API key encrypted by the vendor's EncryptString. It depends only on the key and the salt, so it is
 * fetched once and kept: a Quarkus Cache fits (lazy, one call for concurrent misses, failures not kept).
 * An operator who configures the encrypted key directly skips the call and keeps the plain key off the wire.
 */
@ApplicationScoped
public class EncryptedApiKey {

    static final String CACHE = "vendor-encrypted-api-key";

    private final Cache cache;
    private final TokenCalls calls;
    private final VendorCredentials credentials;

    EncryptedApiKey(@CacheName(CACHE) Cache cache, TokenCalls calls, VendorCredentials credentials) {
        this.cache = cache;
        this.calls = calls;
        this.credentials = credentials;
    }

    public Uni<String> get(String requestId) {
        if (credentials.encryptedApiKey().isPresent()) {
            return Uni.createFrom().item(credentials.encryptedApiKey().get());
        }
        String apiKey = credentials.apiKey().orElseThrow();
        return cache.getAsync(credentials.salt(), salt -> calls.encrypt(apiKey, salt, requestId));
    }

    /** Forget the cached value, e.g. after the vendor refused it. */
    public Uni<Void> forget() {
        return cache.invalidateAll();
    }
}
