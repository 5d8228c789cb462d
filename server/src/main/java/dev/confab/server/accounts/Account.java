package dev.confab.server.accounts;

import java.time.Instant;

/**
 * A stored account. {@code username} keeps the case the user chose; uniqueness is case-insensitive.
 * {@code email}, {@code phone} and {@code displayName} may be null. {@code lastSeenAt} is null until
 * the first disconnect.
 */
public record Account(AccountId id, String username, String displayName, String email, String phone,
                      String passwordHash, Instant createdAt, Instant lastSeenAt) {
}
