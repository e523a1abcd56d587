package com.esigngateway.security;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.esigngateway.config.GatewayConfig;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The last word on identities that SmallRye JWT made. While {@code esign.gateway.auth.jwt.enabled} is off it
 * refuses them, whatever header SmallRye was configured to read. When on, it names the caller
 * {@code jwt:<name>} (the token's upn, else preferred_username, else sub), so a token can never pass for an
 * API-key client of the same name in idempotency scopes, logs or metrics, and refuses names that would not be
 * safe there.
 */
@ApplicationScoped
public class JwtCallers implements SecurityIdentityAugmentor {

    public static final String PREFIX = "jwt:";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private final boolean enabled;

    JwtCallers(GatewayConfig config) {
        this.enabled = config.auth().jwt().enabled();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (!enabled) {
            return Uni.createFrom().failure(new AuthenticationFailedException("JWT callers are switched off"));
        }
        String name = token.getName();
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "the token's name is not a usable client name (1 to 128 of A-Z a-z 0-9 . _ @ -)"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .setPrincipal(new QuarkusPrincipal(PREFIX + name))
                .build());
    }
}
