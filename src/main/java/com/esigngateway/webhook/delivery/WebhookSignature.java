package com.esigngateway.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks symmetric signature: {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">} with a
 * {@code whsec_<base64>} secret; with several secrets (a rotation) one signature each, space-separated.
 * <p>
 * Written with the JDK's {@link Mac} rather than the Standard Webhooks Java library: signing is these few lines, the
 * production path gets no dependency for them, and the tests check the result against the specification's published
 * vector and with the library itself (as a consumer would verify).
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    /** The specification's minimum for a symmetric secret. */
    public static final int MIN_SECRET_BYTES = 24;
    private static final String HMAC = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    private WebhookSignature(List<SecretKeySpec> keys) {
        this.keys = keys;
    }

    /**
     * Signs with each of {@code secrets} ({@code whsec_} and base64). Refuses a secret that is not of that form or
     * shorter than 24 bytes, without repeating it in the message.
     */
    public static WebhookSignature of(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret");
        }
        List<SecretKeySpec> keys = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            keys.add(new SecretKeySpec(decode(secrets.get(i), i + 1), HMAC));
        }
        return new WebhookSignature(List.copyOf(keys));
    }

    static byte[] decode(String secret, int position) {
        String trimmed = secret.trim();
        if (!trimmed.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("secret " + position + " does not start with " + SECRET_PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret " + position + " is not base64 after " + SECRET_PREFIX);
        }
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret " + position + " has " + key.length + " bytes; at least "
                    + MIN_SECRET_BYTES + " random bytes are needed");
        }
        return key;
    }

    /** The {@code webhook-signature} header for one attempt. */
    public String sign(String id, long timestampSeconds, String body) {
        StringBuilder header = new StringBuilder();
        byte[] content = content(id, timestampSeconds, body);
        for (SecretKeySpec key : keys) {
            if (header.length() > 0) {
                header.append(' ');
            }
            header.append("v1,").append(Base64.getEncoder().encodeToString(mac(key, content)));
        }
        return header.toString();
    }

    /**
     * Whether {@code signatureHeader} holds a {@code v1} signature that one of the secrets made (compared in constant
     * time). The timestamp's freshness is the caller's check.
     */
    public boolean verifies(String id, String timestamp, String body, String signatureHeader) {
        if (id == null || timestamp == null || body == null || signatureHeader == null) {
            return false;
        }
        byte[] content = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        for (SecretKeySpec key : keys) {
            byte[] expected = mac(key, content);
            for (String signature : signatureHeader.trim().split(" +")) {
                if (!signature.startsWith("v1,")) {
                    continue;
                }
                byte[] presented;
                try {
                    presented = Base64.getDecoder().decode(signature.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, presented)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] content(String id, long timestampSeconds, String body) {
        return (id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mac(SecretKeySpec key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[" + keys.size() + " secret(s)]";
    }
}
