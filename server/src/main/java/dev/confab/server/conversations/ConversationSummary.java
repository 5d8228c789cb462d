package dev.confab.server.conversations;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.messages.Message;
import java.time.Instant;

/**
 * One row of a member's conversation list. {@code peer} is the other member of a DIRECT conversation
 * (null for other kinds). {@code unread} counts messages with seq greater than {@code readSeq} sent by
 * others and not withheld. {@code lastMessage} is null for a conversation without messages.
 */
public record ConversationSummary(ConversationId id, ConversationKind kind, AccountId peer, long lastSeq,
                                  long readSeq, long unread, Message lastMessage, Instant updatedAt) {
}
