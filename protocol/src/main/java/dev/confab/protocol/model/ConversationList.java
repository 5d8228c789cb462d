package dev.confab.protocol.model;

import java.util.List;

/**
 * A page of the caller's conversations, most recently active first. When {@code hasMore} is true the
 * list continues: ask again with {@code before = cursor}. Nothing is ever left out silently.
 */
public record ConversationList(List<ConversationView> conversations, boolean hasMore, String cursor) {
}
