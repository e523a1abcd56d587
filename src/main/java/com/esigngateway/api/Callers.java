package com.esigngateway.api;

import jakarta.enterprise.context.ApplicationScoped;

/** Who is calling, for scoping idempotency keys and for logs. */
@ApplicationScoped
public class Callers {

    static final String ANONYMOUS = "anonymous";

    public String current() {
        return ANONYMOUS;
    }
}
