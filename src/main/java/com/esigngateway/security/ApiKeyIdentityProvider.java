package com.esigngateway.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.GatewayConfig;
import com.esigngateway.crypto.Sha256;
import com.esigngateway.session.ClientOwners;
import com.esigngateway.session.Owners;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns an API key into the identity of the calling service. Keys are configured only as SHA-256
 * hashes ({@code esign.gateway.clients.<name>.key-sha256}), so no plain key sits in configuration;
 * the presented key is hashed and compared in constant time with every configured hash.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private record Client(String name, byte[] keyHash, Set<String> roles) {
    }

    /** The identity attribute that holds the {@link Owners} a caller acts for. */
    public static final String OWNERS = "esign-gateway.owners";

    private final List<Client> clients;
    private final ClientOwners owners;

    ApiKeyIdentityProvider(GatewayConfig config, ClientOwners owners) {
        this.owners = owners;
        this.clients = config.clients().entrySet().stream()
                .map(entry -> new Client(entry.getKey(), parseHash(entry.getKey(), entry.getValue()),
                        Set.copyOf(entry.getValue().roles())))
                .toList();
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        byte[] presented = Sha256.of(request.key());
        Client match = null;
        for (Client client : clients) {
            if (MessageDigest.isEqual(client.keyHash(), presented)) {
                match = client;
            }
        }
        if (match == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown API key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(match.name()))
                .addRoles(match.roles())
                .addAttribute(OWNERS, owners.of(match.name()))
                .build());
    }

    /** Whether a configured value is a SHA-256 in hex (either case), as a client's key-sha256 must be. */
    public static boolean isKeyHash(String value) {
        return value.strip().matches("[0-9a-fA-F]{64}");
    }

    private static byte[] parseHash(String name, GatewayConfig.Client client) {
        if (!isKeyHash(client.keySha256())) {
            throw new IllegalArgumentException("esign.gateway.clients." + name
                    + ".key-sha256 must be 64 hex digits: the SHA-256 of the key, not the key");
        }
        return HexFormat.of().parseHex(client.keySha256().strip().toLowerCase(Locale.ROOT));
    }

    /** For tests and tooling: the configuration value for a key. */
    public static String hashOf(String key) {
        return HexFormat.of().formatHex(Sha256.of(key));
    }
}
