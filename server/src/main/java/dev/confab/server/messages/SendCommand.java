package dev.confab.server.messages;

import dev.confab.server.conversations.ConversationId;

/**
 * A message to send: to an existing conversation ({@code conversationId}) or to a user by username
 * ({@code toUsername}, creating the direct conversation on first use) — exactly one of the two.
 */
public record SendCommand(String clientMessageId, ConversationId conversationId, String toUsername,
                          String contentType, String body) {
}
