package dev.confab.protocol.model;

import java.time.Instant;

/**
 * A stored message. {@code seq} is gap-free and strictly increasing within {@code conversationId};
 * clients dedupe by {@code (conversationId, seq)}.
 */
public record MessageView(long id, long conversationId, long seq, long senderId, String clientMessageId,
                          String contentType, String body, Instant sentAt) {
}
