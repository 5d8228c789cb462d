package dev.confab.protocol.model;

/**
 * How far one member got in a conversation: the highest seq their client confirmed receiving
 * ({@code deliveredSeq}) and the highest they read ({@code readSeq}; reading implies delivery). A
 * message is delivered to, or read by, every member whose position is at or past its seq.
 */
public record ReceiptView(long conversationId, long userId, long deliveredSeq, long readSeq) {
}
