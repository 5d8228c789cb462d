package dev.confab.server.conversations;

import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import java.util.List;
import java.util.Map;

/**
 * A page of a member's conversations plus the accounts they mention (peers), for rendering names.
 * {@code next} is where the list continues, or null when this page is the end.
 */
public record ConversationListing(List<ConversationSummary> conversations, Map<AccountId, Account> people,
                                  Map<ConversationId, ConversationDetails> details, ConversationPosition next) {
}
