package org.microloan.localstack;

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
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.microloan.access.Role;

/**
 * The development token issuer: an RS256 key pair made on first run and kept in the stack's key
 * directory (never committed), and tokens with the issuer, audience and groups the api checks.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://auth.microloan.local";
    public static final String AUDIENCE = "microloan-app";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey privateKey;
    private final Path publicKeyPem;

    private TokenIssuer(PrivateKey privateKey, Path publicKeyPem) {
        this.privateKey = privateKey;
        this.publicKeyPem = publicKeyPem;
    }

    public static TokenIssuer in(Path keys) {
        try {
            Files.createDirectories(keys);
            Path privatePem = keys.resolve("jwt-private.pem");
            Path publicPem = keys.resolve("jwt-public.pem");
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            String encoded = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(encoded)));
            return new TokenIssuer(key, publicPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the api is told to verify tokens with (JWT_PUBLIC_KEY_LOCATION). */
    public Path publicKey() {
        return publicKeyPem;
    }

    /** A token for {@code subject} in {@code role} (a {@link Role}'s name). */
    public String token(String subject, String role, Duration lifetime) {
        Role.named(role);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        try {
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String claims = b64.encodeToString(JSON.writeValueAsBytes(Map.of("iss", ISSUER, "aud", AUDIENCE, "sub", subject,
                    "upn", subject, "groups", new String[] {role}, "iat", now, "exp", now + lifetime.toSeconds())));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
