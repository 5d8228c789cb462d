package dev.confab.server.contacts;

import dev.confab.server.accounts.AccountId;
import java.time.Instant;

/** Input for {@link ContactWrites#insertRequest}. */
public record NewFriendRequest(AccountId from, AccountId to, String message, boolean withheld, Instant createdAt,
                               Instant expiresAt) {
}
