package com.esigngateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the configured client name, for scoping idempotency keys, logs and metrics. */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;

    Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String current() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
