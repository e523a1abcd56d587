package com.esigngateway.webhook.delivery;

import java.net.URI;
import java.util.List;

import com.esigngateway.session.Owners;

/** One internal service that receives events: where, how they are signed, and which types it takes. */
public record Subscriber(String name, URI url, WebhookSignature signature, List<String> events, String client,
        Owners owners) {

    /**
     * Whether an event of {@code type} about a session of {@code owner} goes to this subscriber: it takes the type, and
     * it is tied to no client ({@code esign.webhooks.subscribers.<name>.client}) or to one that acts for the owner.
     */
    public boolean takes(String type, String owner) {
        return takes(type) && (client == null || owners.covers(owner));
    }

    /** Whether events of {@code type} go to this subscriber (whatever their session): {@code *}, the type itself, or {@code family.*}. */
    public boolean takes(String type) {
        for (String pattern : events) {
            if (pattern.equals("*") || pattern.equals(type)
                    || pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Subscriber[" + name + "]";
    }
}
