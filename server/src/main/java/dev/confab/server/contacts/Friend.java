package dev.confab.server.contacts;

import dev.confab.server.accounts.AccountId;
import java.time.Instant;

/** One entry of an account's friend list: who, the owner's private remark for them (or null), and since when. */
public record Friend(AccountId account, String remark, Instant since) {
}
