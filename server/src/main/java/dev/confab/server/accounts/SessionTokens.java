package dev.confab.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes secrets and ids: 256-bit bearer tokens and tickets, 128-bit session ids, and the SHA-256 hash
 * under which tokens are stored. Thread-safe.
 */
public final class SessionTokens {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SessionTokens(SecureRandom random) {
        this.random = random;
    }

    /** A new bearer token or ticket: 32 random bytes, base64url (43 characters). */
    public String newSecret() {
        return randomText(32);
    }

    public SessionId newSessionId() {
        return new SessionId(randomText(16));
    }

    /** A device id for clients that did not send their own. */
    public String newDeviceId() {
        return randomText(12);
    }

    public byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private String randomText(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return BASE64URL.encodeToString(raw);
    }
}
