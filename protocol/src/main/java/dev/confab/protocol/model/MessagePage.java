package dev.confab.protocol.model;

import java.util.List;

/**
 * A page of messages in ascending seq order. When {@code hasMore} is true the page was cut short and
 * {@code cursor} is the seq to pass on the next request ({@code after} for a forward sync,
 * {@code before} for backward history); when false, {@code cursor} is null and nothing was left out.
 * {@code firstSeq} is the lowest seq the caller may read (history before joining, or removed by
 * retention): nothing below it is returned, and its absence is not a gap.
 */
public record MessagePage(long conversationId, List<MessageView> messages, boolean hasMore, Long cursor,
                          long firstSeq) {
}
