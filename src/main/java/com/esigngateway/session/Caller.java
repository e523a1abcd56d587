package com.esigngateway.session;

/**
 * Who is calling, as the use cases need it: the client's name (a configured API-key client, {@code jwt:<name>} for a
 * JWT caller, {@code unauthenticated} with authentication off) and the owners it acts for.
 */
public record Caller(String name, Owners owners, boolean jwt) {

    /** The one bounded metric tag value every JWT caller shares. */
    public static final String JWT_TAG = "jwt";

    /** For metric tags: the configured client's name, or {@value #JWT_TAG} for any JWT caller. */
    public String tag() {
        return jwt ? JWT_TAG : name;
    }
}
