package dev.confab.server.conversations;

import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import java.util.List;
import java.util.Map;

/** A member's conversations plus the accounts they mention (peers), for rendering names. */
public record ConversationListing(List<ConversationSummary> conversations, Map<AccountId, Account> people) {
}
