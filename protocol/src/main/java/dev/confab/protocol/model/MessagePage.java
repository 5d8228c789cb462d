package dev.confab.protocol.model;

import java.util.List;

/**
 * A page of messages in ascending seq order. When {@code hasMore} is true the page was cut short and
 * {@code cursor} is the seq to pass on the next request ({@code after} for a forward sync,
 * {@code before} for backward history); when false, {@code cursor} is null and nothing was left out.
 */
public record MessagePage(long conversationId, List<MessageView> messages, boolean hasMore, Long cursor) {
}
