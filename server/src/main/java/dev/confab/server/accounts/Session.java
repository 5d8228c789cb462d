package dev.confab.server.accounts;

import java.time.Instant;

/**
 * A signed-in device. The bearer token itself is never stored: only its SHA-256 hash. A session is
 * valid while {@code now < expiresAt} (absolute limit) and {@code now < lastUsedAt + idle timeout}.
 */
public record Session(SessionId id, AccountId accountId, String deviceId, String deviceName, Instant createdAt,
                      Instant lastUsedAt, Instant expiresAt) {
}
