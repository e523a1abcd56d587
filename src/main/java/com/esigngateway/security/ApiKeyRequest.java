package com.esigngateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented by a caller. Printed without the key. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyRequest[******]";
    }
}
