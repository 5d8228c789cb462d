package dev.confab.server.conversations;

import dev.confab.server.accounts.AccountId;

/** How far a member got: the highest seq their client confirmed receiving, and the highest they read. */
public record ReceiptPosition(AccountId account, long deliveredSeq, long readSeq) {
}
