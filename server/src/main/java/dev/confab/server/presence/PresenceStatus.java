package dev.confab.server.presence;

import dev.confab.server.accounts.AccountId;
import java.time.Instant;

/** Whether an account is online now and when it was last seen (null if never). */
public record PresenceStatus(AccountId account, String username, boolean online, Instant lastSeenAt) {
}
