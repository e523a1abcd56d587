package com.esigngateway.webhook.delivery;

import java.net.URI;
import java.util.List;

/** One internal service that receives events: where, how they are signed, and which types it takes. */
public record Subscriber(String name, URI url, WebhookSignature signature, List<String> events) {

    /** Whether events of {@code type} go to this subscriber: {@code *}, the type itself, or {@code family.*}. */
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
