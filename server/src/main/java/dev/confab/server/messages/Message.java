package dev.confab.server.messages;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import java.time.Instant;

/**
 * A committed message. {@code seq} is gap-free and strictly increasing within its conversation.
 * {@code senderDeviceId} and {@code clientMessageId} form, with the sender, the idempotency key.
 */
public record Message(long id, ConversationId conversationId, long seq, AccountId senderId, String senderDeviceId,
                      String clientMessageId, String contentType, String body, Instant sentAt) {
}
