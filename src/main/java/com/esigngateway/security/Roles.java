package com.esigngateway.security;

/** What a calling service may do. */
public final class Roles {

    /** Create signing sessions. */
    public static final String SIGNING_SESSIONS = "signing-sessions";

    private Roles() {
    }
}
