package com.esigngateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A signing key pair for tests of JWT callers, made on first use under {@code target/} (no private key is
 * committed), and a way to sign tokens with it. The test profile and the test read the same files, even
 * when Quarkus loads them in different class loaders.
 */
public final class TestJwts {

    public static final String ISSUER = "https://idp.example.test/realms/platform";
    public static final String AUDIENCE = "esign-gateway";
    /** The claim that lists the owners a token's caller acts for ({@code esign.gateway.auth.jwt.owners-claim}). */
    public static final String OWNERS_CLAIM = "esign_owners";
    private static final Path DIRECTORY = Path.of("target", "test-jwt");
    private static final Path PUBLIC_KEY = DIRECTORY.resolve("public.pem");
    private static final Path PRIVATE_KEY = DIRECTORY.resolve("private.pem");

    private TestJwts() {
    }

    /** The PEM file that verifies the tokens {@link #privateKey()} signs. */
    public static synchronized Path publicKeyFile() {
        if (!Files.exists(PUBLIC_KEY) || !Files.exists(PRIVATE_KEY)) {
            generate();
        }
        return PUBLIC_KEY.toAbsolutePath();
    }

    public static PrivateKey privateKey() {
        publicKeyFile();
        try {
            String pem = Files.readString(PRIVATE_KEY, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings under which the gateway's SmallRye JWT would accept the tokens signed here. */
    public static java.util.Map<String, String> verification() {
        return java.util.Map.of(
                "esign.gateway.auth.jwt.owners-claim", OWNERS_CLAIM,
                "mp.jwt.verify.publickey.location", publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** A key the gateway does not know. */
    public static PrivateKey strangerKey() {
        return newKeyPair().getPrivate();
    }

    private static void generate() {
        KeyPair pair = newKeyPair();
        try {
            Files.createDirectories(DIRECTORY);
            Path privateTemp = Files.createTempFile(DIRECTORY, "private", ".tmp");
            Path publicTemp = Files.createTempFile(DIRECTORY, "public", ".tmp");
            Files.writeString(privateTemp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicTemp, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(privateTemp, PRIVATE_KEY, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(publicTemp, PUBLIC_KEY, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
