package com.esigngateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.esigngateway.config.GatewayConfig;
import com.esigngateway.session.Owners;

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
 * safe there. The owners it acts for come from the claim {@code esign.gateway.auth.jwt.owners-claim} names.
 */
@ApplicationScoped
public class JwtCallers implements SecurityIdentityAugmentor {

    public static final String PREFIX = "jwt:";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private final boolean enabled;
    private final String ownersClaim;

    JwtCallers(GatewayConfig config) {
        this.enabled = config.auth().jwt().enabled();
        this.ownersClaim = config.auth().jwt().ownersClaim().map(String::strip).filter(claim -> !claim.isEmpty())
                .orElse(null);
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
                .addAttribute(ApiKeyIdentityProvider.OWNERS, owners(token))
                .build());
    }

    /**
     * The owners the token's {@code esign.gateway.auth.jwt.owners-claim} lists (an array of patterns, or one string
     * of them separated by commas or spaces); nobody without the claim. Patterns that are not ones are skipped.
     */
    private Owners owners(JsonWebToken token) {
        if (ownersClaim == null) {
            return Owners.NONE;
        }
        Object claim = token.getClaim(ownersClaim);
        List<String> patterns = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text) {
                    patterns.add(text.getString());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> patterns.add(String.valueOf(value)));
        } else if (claim instanceof JsonString text) {
            patterns.addAll(List.of(text.getString().split("[,\\s]+")));
        } else if (claim instanceof String text) {
            patterns.addAll(List.of(text.split("[,\\s]+")));
        }
        return Owners.of(patterns.stream().filter(Owners::valid).toList());
    }
}
