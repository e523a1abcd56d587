package com.esigngateway.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.esigngateway.security.ApiKeyIdentityProvider;
import com.esigngateway.session.Owners;
import com.esigngateway.vendor.rest.VendorBaseUrl;
import com.esigngateway.vendor.auth.VendorCredentials;
import com.esigngateway.config.GatewayConfig;
import com.esigngateway.config.StateConfig;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start without a vendor to talk to, with authentication on without a client allowed to call (an API key,
 * or JWTs with a key to verify them), with a client (or JWT callers) not saying which owners it acts for, or told to share its state in Redis without a Redis to use: one message naming
 * every environment variable to set. (Redis's eviction policy is checked against Redis itself:
 * {@code state.redis.RedisStartupCheck}.)
 */
@ApplicationScoped
class StartupSettingsCheck {

    private static final Logger LOG = Logger.getLogger(StartupSettingsCheck.class);

    static final String MISSING_URL = "ESIGN_VENDOR_URL (esign.vendor.url) is not set, e.g. "
            + "https://api.stage.esignonline.net/; or run against the embedded simulator with ESIGN_SIMULATOR_ENABLED=true";
    static final String MISSING_KEY = "neither ESIGN_VENDOR_API_KEY (esign.vendor.api-key) nor "
            + "ESIGN_VENDOR_ENCRYPTED_API_KEY (esign.vendor.encrypted-api-key) is set";
    static final String MISSING_CLIENT = "no calling service is configured: set ESIGN_GATEWAY_CLIENTS_<NAME>_KEY_SHA256 "
            + "(esign.gateway.clients.<name>.key-sha256) to the SHA-256 of its API key, or accept JWTs with "
            + "ESIGN_GATEWAY_AUTH_JWT_ENABLED=true, or switch authentication off explicitly with ESIGN_GATEWAY_AUTH_ENABLED=false";
    static final String MISSING_JWT_KEY = "ESIGN_GATEWAY_AUTH_JWT_ENABLED=true but no key to verify tokens with: set "
            + "MP_JWT_VERIFY_PUBLICKEY_LOCATION (mp.jwt.verify.publickey.location, a PEM or JWKS file or URL) or "
            + "MP_JWT_VERIFY_PUBLICKEY (mp.jwt.verify.publickey)";
    static final String MISSING_JWT_ISSUER = "ESIGN_GATEWAY_AUTH_JWT_ENABLED=true but MP_JWT_VERIFY_ISSUER "
            + "(mp.jwt.verify.issuer) is not set: tokens must come from one issuer";
    static final String MISSING_JWT_AUDIENCE = "ESIGN_GATEWAY_AUTH_JWT_ENABLED=true but MP_JWT_VERIFY_AUDIENCES "
            + "(mp.jwt.verify.audiences) is not set: tokens must be meant for this gateway";

    static final String MISSING_JWT_OWNERS_CLAIM = "ESIGN_GATEWAY_AUTH_JWT_ENABLED=true but "
            + "ESIGN_GATEWAY_AUTH_JWT_OWNERS_CLAIM (esign.gateway.auth.jwt.owners-claim) is not set: name the claim that "
            + "lists the owners (emails, *@domain or *) a JWT caller acts for";

    static final String MISSING_REDIS_HOSTS = "ESIGN_STATE_STORE=redis but QUARKUS_REDIS_HOSTS (quarkus.redis.hosts) is"
            + " not set, e.g. redis://redis:6379 or rediss://redis:6380 for TLS (the password in QUARKUS_REDIS_PASSWORD);"
            + " or keep the state in memory with ESIGN_STATE_STORE=memory";

    private final boolean jwtKeyConfigured;
    private final boolean redisHostsConfigured;
    private final boolean jwtIssuerConfigured;
    private final boolean jwtAudienceConfigured;

    StartupSettingsCheck(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> jwtKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> jwtKey,
            @ConfigProperty(name = "smallrye.jwt.verify.key.location") Optional<String> smallryeKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> jwtIssuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> jwtAudiences,
            @ConfigProperty(name = "quarkus.redis.hosts") Optional<String> redisHosts) {
        this.redisHostsConfigured = set(redisHosts);
        this.jwtKeyConfigured = set(jwtKeyLocation) || set(jwtKey) || set(smallryeKeyLocation);
        this.jwtIssuerConfigured = set(jwtIssuer);
        this.jwtAudienceConfigured = set(jwtAudiences);
    }

    private static boolean set(Optional<String> value) {
        return value.filter(text -> !text.isBlank()).isPresent();
    }

    /**
     * A client must say which owners it acts for: without the setting it would act for nobody (every creation a 403,
     * every session a 404), which an upgrade must not do silently.
     */
    static Optional<String> ownersProblem(String name, GatewayConfig.Client client) {
        String variable = "ESIGN_GATEWAY_CLIENTS_" + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                + "_OWNERS";
        List<String> owners = client.owners().orElse(List.of()).stream().filter(owner -> !owner.isBlank()).toList();
        if (owners.isEmpty()) {
            return Optional.of("the client " + name + " has no owners: set " + variable + " (esign.gateway.clients."
                    + name + ".owners) to the eSign users it acts for (emails or *@domain, comma-separated), or to *"
                    + " for every owner as before");
        }
        if (!owners.stream().allMatch(Owners::valid)) {
            return Optional.of(variable + " (esign.gateway.clients." + name + ".owners) holds something that is not an"
                    + " owner pattern: each must be an email, *@domain or *");
        }
        return Optional.empty();
    }

    void check(@Observes StartupEvent event, VendorBaseUrl baseUrl, VendorCredentials credentials, GatewayConfig gateway,
            StateConfig state) {
        List<String> missing = new ArrayList<>();
        if (state.store() == StateConfig.Store.REDIS && !redisHostsConfigured) {
            missing.add(MISSING_REDIS_HOSTS);
        }
        if (!baseUrl.isSet()) {
            missing.add(MISSING_URL);
        }
        if (!credentials.present()) {
            missing.add(MISSING_KEY);
        }
        boolean jwt = gateway.auth().jwt().enabled();
        if (gateway.auth().enabled() && gateway.clients().isEmpty() && !jwt) {
            missing.add(MISSING_CLIENT);
        }
        if (gateway.auth().enabled() && jwt) {
            if (!jwtKeyConfigured) {
                missing.add(MISSING_JWT_KEY);
            }
            if (!jwtIssuerConfigured) {
                missing.add(MISSING_JWT_ISSUER);
            }
            if (!jwtAudienceConfigured) {
                missing.add(MISSING_JWT_AUDIENCE);
            }
            if (gateway.auth().jwt().ownersClaim().filter(claim -> !claim.isBlank()).isEmpty()) {
                missing.add(MISSING_JWT_OWNERS_CLAIM);
            }
        }
        gateway.clients().forEach((name, client) -> {
            if (!ApiKeyIdentityProvider.isKeyHash(client.keySha256())) {
                missing.add("esign.gateway.clients." + name + ".key-sha256 is not 64 hex digits: it must be the "
                        + "SHA-256 of the client's API key (printf %s \"$KEY\" | sha256sum), never the key itself");
            }
            if (gateway.auth().enabled()) {
                ownersProblem(name, client).ifPresent(missing::add);
            }
        });
        if (!missing.isEmpty()) {
            throw new ConfigurationException("eSign Gateway cannot start: " + String.join("; and ", missing) + ".");
        }
        if (!gateway.auth().enabled()) {
            LOG.warn(LaunchMode.current() == LaunchMode.DEVELOPMENT
                    ? "Inbound authentication is off in dev mode: every caller is accepted"
                    : "Inbound authentication is OFF (esign.gateway.auth.enabled=false): every caller is accepted");
        }
    }
}
