package dev.confab.server.accounts;

import java.time.Instant;

/**
 * A stored account. {@code username} keeps the case the user chose; uniqueness is case-insensitive.
 * {@code email}, {@code phone}, {@code displayName} and {@code avatar} (a reference such as a URL) may
 * be null. The {@code findableBy*} flags say whether exact searches by email or phone may return it.
 * {@code lastSeenAt} is null until the first disconnect.
 */
public record Account(AccountId id, String username, String displayName, String avatar, String email, String phone,
                      boolean findableByEmail, boolean findableByPhone, String passwordHash, Instant createdAt,
                      Instant lastSeenAt) {
}
