package dev.confab.server.accounts;

import java.time.Instant;

/** Validated input for {@link AccountStore#create(NewAccount)}; the account starts without avatar, findable by email and phone. */
public record NewAccount(String username, String displayName, String email, String phone, String passwordHash,
                         Instant createdAt) {
}
