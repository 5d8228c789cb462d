package dev.confab.protocol.request;

/**
 * A message to send, over HTTP (POST /api/v1/messages) or inside a WebSocket {@code send} frame.
 * Exactly one of {@code conversationId} and {@code to} (a username, for a direct conversation that is
 * created on first use) addresses it. {@code contentType} defaults to {@code text/plain}.
 */
public record SendRequest(String clientMessageId, Long conversationId, String to, String contentType, String body) {
}
