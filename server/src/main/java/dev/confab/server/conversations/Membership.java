package dev.confab.server.conversations;

import dev.confab.server.accounts.AccountId;
import java.time.Instant;

/** A member of a conversation: role, the first seq they may read, and when they joined. */
public record Membership(AccountId account, MemberRole role, long visibleFromSeq, Instant joinedAt) {
}
