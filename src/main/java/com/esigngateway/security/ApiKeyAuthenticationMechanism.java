package com.esigngateway.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.GatewayConfig;
import com.esigngateway.session.Owners;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a calling service's API key from {@code X-API-Key} or {@code Authorization: Bearer <key>} and
 * hands it to {@link ApiKeyIdentityProvider}. No key means an anonymous caller, which the resource's
 * {@code @RolesAllowed} turns away with 401.
 * <p>
 * With {@code esign.gateway.auth.jwt.enabled=true} a bearer token shaped like a JWT is left to the SmallRye JWT
 * mechanism, which runs after this one; otherwise every bearer token is treated as an API key, so a JWT is
 * never accepted by accident.
 * <p>
 * Quarkus has no API-key mechanism of its own; this is the documented extension point for one. With
 * {@code esign.gateway.auth.enabled=false} every caller is the client {@value #OPEN_CLIENT} with every
 * role, acting for every owner (dev mode, or an explicit choice).
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";
    static final String OPEN_CLIENT = "unauthenticated";
    private static final String BEARER = "bearer ";

    /** Three base64url parts: header, claims, signature (a signed JWT in compact form). */
    private static final java.util.regex.Pattern JWT_SHAPE =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final boolean enabled;
    private final boolean jwtEnabled;

    ApiKeyAuthenticationMechanism(GatewayConfig config) {
        this.enabled = config.auth().enabled();
        this.jwtEnabled = config.auth().jwt().enabled();
    }

    /**
     * What a caller may do while authentication is off: everything but purges; in dev mode purges too, so that the
     * whole lifecycle can be tried against the simulator. A deployment that switches authentication off never lets
     * an anonymous caller purge.
     */
    static Set<String> openRoles(LaunchMode mode) {
        return mode == LaunchMode.DEVELOPMENT ? Set.of(Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_PURGE)
                : Set.of(Roles.SIGNING_SESSIONS);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!enabled) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(OPEN_CLIENT))
                    .addRoles(openRoles(LaunchMode.current()))
                    .addAttribute(ApiKeyIdentityProvider.OWNERS, Owners.ALL)
                    .build());
        }
        String key = apiKeyHeader(context);
        if (key == null) {
            key = bearerToken(context);
            if (key == null || jwtEnabled && JWT_SHAPE.matcher(key).matches()) {
                return Uni.createFrom().optional(java.util.Optional.empty());
            }
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"esign-gateway\""));
    }

    /** Before SmallRye JWT's mechanism (default priority), so that this one decides who reads a bearer token. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    private static String apiKeyHeader(RoutingContext context) {
        String key = context.request().getHeader(HEADER);
        return key == null || key.isBlank() ? null : key.strip();
    }

    private static String bearerToken(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String bearer = authorization.substring(BEARER.length()).strip();
            return bearer.isEmpty() ? null : bearer;
        }
        return null;
    }
}
