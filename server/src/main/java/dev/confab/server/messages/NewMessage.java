package dev.confab.server.messages;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import java.time.Instant;

/** Validated input for {@link MessageStore#append(NewMessage)}; see {@link Message#withheld()}. */
public record NewMessage(ConversationId conversationId, AccountId senderId, String senderDeviceId,
                         String clientMessageId, String contentType, String body, Instant sentAt, boolean withheld) {
}
