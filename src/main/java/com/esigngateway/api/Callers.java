package com.esigngateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.security.ApiKeyIdentityProvider;
import com.esigngateway.security.JwtCallers;
import com.esigngateway.session.Caller;
import com.esigngateway.session.Owners;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the configured client name (for scoping idempotency keys, logs and metrics) and the owners it acts
 * for (for the object-level checks of the use cases).
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;

    Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (identity.isAnonymous()) {
            return new Caller("anonymous", Owners.NONE, false);
        }
        String name = identity.getPrincipal().getName();
        Owners owners = identity.getAttribute(ApiKeyIdentityProvider.OWNERS);
        return new Caller(name, owners == null ? Owners.NONE : owners, name.startsWith(JwtCallers.PREFIX));
    }
}
