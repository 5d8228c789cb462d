package dev.confab.protocol.model;

import java.time.Instant;

/**
 * Proof that a message is committed: maps the client's message id to the server id, seq and time.
 * A resend with the same client message id from the same device gets an identical ack.
 */
public record SendAck(String clientMessageId, long messageId, long conversationId, long seq, Instant sentAt) {
}
