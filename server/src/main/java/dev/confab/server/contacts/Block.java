package dev.confab.server.contacts;

import dev.confab.server.accounts.AccountId;
import java.time.Instant;

/** An account the owner blocked, and since when. */
public record Block(AccountId account, Instant since) {
}
