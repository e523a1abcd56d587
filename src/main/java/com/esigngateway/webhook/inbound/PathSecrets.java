package com.esigngateway.webhook.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.esigngateway.config.WebhookConfig;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The secrets the vendor's webhook URL carries in its path ({@code esign.webhooks.inbound.secrets}), two during a
 * rotation. A presented secret is compared with each in constant time, through SHA-256 digests so that not even its
 * length shows in the timing. None configured: nothing is accepted.
 */
public final class PathSecrets {

    /** At least 128 bits in base64url; only characters that need no encoding in a path. */
    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._~-]{22,200}");

    private final List<byte[]> digests;

    PathSecrets(List<String> secrets) {
        List<byte[]> digests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i).trim();
            if (!SHAPE.matcher(secret).matches()) {
                problems.add("secret " + (i + 1) + " must be 22 to 200 of A-Z a-z 0-9 . _ ~ - (at least 128 random bits, "
                        + "e.g. openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')");
            }
            digests.add(digest(secret));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("esign.webhooks.inbound.secrets: " + String.join("; ", problems));
        }
        this.digests = List.copyOf(digests);
    }

    static PathSecrets of(WebhookConfig config) {
        return new PathSecrets(config.inbound().secrets().orElse(List.of()));
    }

    public boolean any() {
        return !digests.isEmpty();
    }

    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean accepted = false;
        for (byte[] secret : digests) {
            accepted |= MessageDigest.isEqual(secret, digest);
        }
        return accepted;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
