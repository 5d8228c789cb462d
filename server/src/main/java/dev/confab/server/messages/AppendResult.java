package dev.confab.server.messages;

/**
 * Outcome of {@link MessageStore#append}: the committed message and whether it was already stored by an
 * earlier send with the same idempotency key (in which case nothing new was written).
 */
public record AppendResult(Message message, boolean duplicate) {
}
