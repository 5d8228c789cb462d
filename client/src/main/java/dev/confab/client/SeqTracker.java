package dev.confab.client;

import dev.confab.protocol.model.MessageView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ordering and deduplication across conversations: one {@link ConversationCursor} per conversation,
 * created on first sight at the position the application declared with {@link #advanceTo} (0 when it
 * declared none, which means the whole conversation is fetched). Not thread-safe.
 */
final class SeqTracker {
    private final Map<Long, ConversationCursor> cursors = new HashMap<>();

    /** See {@link ConversationCursor#accept}. */
    List<MessageView> accept(MessageView message) {
        return cursor(message.conversationId()).accept(message);
    }

    /** See {@link ConversationCursor#advanceTo}. */
    List<MessageView> advanceTo(long conversationId, long seq) {
        return cursor(conversationId).advanceTo(seq);
    }

    /** The highest seq delivered in the conversation; 0 for a conversation never seen. */
    long delivered(long conversationId) {
        ConversationCursor cursor = cursors.get(conversationId);
        return cursor == null ? 0 : cursor.delivered();
    }

    /** True while the conversation holds messages behind a missing seq. */
    boolean hasGap(long conversationId) {
        ConversationCursor cursor = cursors.get(conversationId);
        return cursor != null && cursor.hasGap();
    }

    private ConversationCursor cursor(long conversationId) {
        return cursors.computeIfAbsent(conversationId, id -> new ConversationCursor(0));
    }
}
