package com.esigngateway.webhook.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.WebhookConfig;
import com.esigngateway.session.ClientOwners;
import com.esigngateway.session.Owners;
import com.esigngateway.webhook.event.EventTypes;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The configured subscribers ({@code esign.webhooks.subscribers.<name>.*}), checked once: an absolute http(s) URL,
 * secrets in the Standard Webhooks form, known event types. A bad setting stops the start with a message that
 * names the setting, never the secret.
 */
@ApplicationScoped
public class Subscribers {

    private final Map<String, Subscriber> byName;

    Subscribers(WebhookConfig config, ClientOwners clients) {
        Map<String, Subscriber> subscribers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        new TreeMap<>(config.subscribers()).forEach((name, settings) -> {
            String key = "esign.webhooks.subscribers." + name;
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                problems.add(key + ": a subscriber's name is 1-64 letters, digits, '-' or '_'");
            }
            String scheme = settings.url().getScheme();
            if (!settings.url().isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    || settings.url().getHost() == null) {
                problems.add(key + ".url must be an absolute http or https URL");
            }
            WebhookSignature signature = null;
            try {
                signature = WebhookSignature.of(settings.secret());
            } catch (IllegalArgumentException e) {
                problems.add(key + ".secret: " + e.getMessage()
                        + " (make one with: echo whsec_$(openssl rand -base64 32))");
            }
            for (String pattern : settings.events()) {
                if (!EventTypes.isPattern(pattern)) {
                    problems.add(key + ".events: '" + pattern + "' is no event type; known: " + EventTypes.ALL
                            + ", a family such as signing-session.*, or *");
                }
            }
            String client = settings.client().map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
            if (client != null && !clients.known(client)) {
                problems.add(key + ".client: '" + client + "' is no configured client (esign.gateway.clients.<name>)");
            }
            subscribers.put(name, new Subscriber(name, settings.url(), signature, List.copyOf(settings.events()), client,
                    client == null ? Owners.ALL : clients.of(client)));
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Webhook subscribers are misconfigured: " + String.join("; ", problems));
        }
        this.byName = Map.copyOf(subscribers);
    }

    public Collection<Subscriber> all() {
        return new TreeMap<>(byName).values();
    }

    public Optional<Subscriber> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The names of the subscribers that take events of {@code type} about a session of {@code owner} (null: known
     * nowhere, which only subscribers tied to no client or to a {@code *} client take).
     */
    public Set<String> taking(String type, String owner) {
        Set<String> names = new LinkedHashSet<>();
        all().forEach(subscriber -> {
            if (subscriber.takes(type, owner)) {
                names.add(subscriber.name());
            }
        });
        return names;
    }
}
