package com.esigngateway.state.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts what the gateway keeps in Redis that is secret (the vendor token) or personal (kept answers: names, emails,
 * a continue link with a token): AES-256-GCM with a random nonce per value and the value's purpose as associated
 * data, so that a value copied under another key does not decrypt. The key never leaves the process.
 */
public final class StateCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    StateCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the state encryption key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.fingerprintKey = new SecretKeySpec(hmac(key, "esign-gateway state fingerprints"), "HmacSHA256");
    }

    /** A key derived from a secret every replica shares (the vendor credentials). */
    static StateCipher derivedFrom(String sharedSecret) {
        return new StateCipher(hmac(sharedSecret.getBytes(StandardCharsets.UTF_8), "esign-gateway state encryption v1"));
    }

    static StateCipher ofBase64(String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("esign.state.redis.encryption-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("esign.state.redis.encryption-key must be 32 bytes (base64 of 32 random bytes:"
                    + " openssl rand -base64 32)");
        }
        return new StateCipher(bytes);
    }

    /** {@code plain}, encrypted for {@code purpose}, as base64 text. */
    public String encrypt(String plain, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** The plain text, or {@link Unreadable} when {@code sealed} was not encrypted with this key for {@code purpose}. */
    public String decrypt(String sealed, String purpose) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Unreadable();
        }
    }

    /** A keyed hash of {@code value}: tells two values apart without storing either. */
    public String fingerprint(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored value this key cannot open: another key, another purpose, or damaged. Carries nothing of the value. */
    public static final class Unreadable extends RuntimeException {
        Unreadable() {
            super("a value in Redis cannot be decrypted with this gateway's key", null, false, false);
        }
    }
}
