package dev.confab.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token of the admin API ({@code admin.token}); an empty one disables the API. Presented
 * tokens are compared with it in constant time (both are hashed to SHA-256 first, so not even the length
 * leaks). Only the hash is kept, and {@link #toString()} never shows the token. Thread-safe.
 */
public final class AdminToken {
    private final byte[] digest;

    private AdminToken(byte[] digest) {
        this.digest = digest;
    }

    /** The configured token; null or empty: the admin API is disabled. */
    public static AdminToken of(String configured) {
        return new AdminToken(configured == null || configured.isEmpty() ? null : sha256(configured));
    }

    public boolean enabled() {
        return digest != null;
    }

    /** Whether {@code presented} is the admin token; always false when the admin API is disabled. */
    public boolean matches(String presented) {
        if (digest == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    @Override
    public String toString() {
        return enabled() ? "AdminToken[set]" : "AdminToken[none]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
