package com.esigngateway.security;

/** What a calling service may do. */
public final class Roles {

    /** Create signing sessions and act on them (cancel, invite, links); read them too. */
    public static final String SIGNING_SESSIONS = "signing-sessions";

    /** Read signing sessions only: status, lists, audit trails. */
    public static final String SIGNING_SESSIONS_READ = "signing-sessions:read";

    /** Purge finished sessions' documents and call a waiting purge off: irreversible, so never implied by another role. */
    public static final String SIGNING_SESSIONS_PURGE = "signing-sessions:purge";

    private Roles() {
    }
}
