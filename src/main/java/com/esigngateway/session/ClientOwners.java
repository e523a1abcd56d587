package com.esigngateway.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.GatewayConfig;

/**
 * The owners each configured API-key client acts for ({@code esign.gateway.clients.<name>.owners}). A client without
 * the setting, or with a pattern that is not one, acts for nobody here; start-up refuses both when authentication
 * is on ({@code startup.StartupSettingsCheck}).
 */
@ApplicationScoped
public class ClientOwners {

    private final Map<String, Owners> byClient;

    ClientOwners(GatewayConfig config) {
        this.byClient = config.clients().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> parse(entry.getValue().owners())));
    }

    /** Who {@code client} acts for; nobody when it is not configured. */
    public Owners of(String client) {
        return byClient.getOrDefault(client, Owners.NONE);
    }

    /** Whether {@code client} is a configured API-key client. */
    public boolean known(String client) {
        return byClient.containsKey(client);
    }

    private static Owners parse(Optional<List<String>> patterns) {
        try {
            return patterns.map(Owners::of).orElse(Owners.NONE);
        } catch (IllegalArgumentException e) {
            return Owners.NONE;
        }
    }
}
