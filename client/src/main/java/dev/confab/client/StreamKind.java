package dev.confab.client;

import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * How items of one kind are numbered: the stream an item belongs to and its gap-free seq within that
 * stream. Messages form one stream per conversation; the account's events form a single stream, the
 * {@link #EVENT_LOG}.
 *
 * @param streamOf the key of the stream an item belongs to
 * @param seqOf    the item's seq within its stream
 * @param describe names a stream in error messages, e.g. {@code "conversation 5"}
 */
record StreamKind<T>(ToLongFunction<T> streamOf, ToLongFunction<T> seqOf, LongFunction<String> describe) {

    /** The key of the account's one event log. */
    static final long EVENT_LOG = 0;

    /** Messages, one stream per conversation id. */
    static final StreamKind<MessageView> MESSAGES = new StreamKind<>(MessageView::conversationId, MessageView::seq,
            conversationId -> "conversation " + conversationId);

    /** The account's events, all in the stream {@link #EVENT_LOG}. */
    static final StreamKind<EventView> EVENTS = new StreamKind<>(event -> EVENT_LOG, EventView::seq,
            ignored -> "the event log");
}
