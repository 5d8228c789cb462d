package dev.confab.server.conversations;

/** Server-assigned numeric id of a conversation. */
public record ConversationId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
